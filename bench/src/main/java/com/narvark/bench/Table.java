package com.narvark.bench;

import java.util.Map;

/** The console table: one row per step, milliseconds. */
final class Table {

    private Table() {
    }

    static String header() {
        return String.format("%-8s %7s %7s %6s | %-13s | %-13s | %-13s | %-13s | %-13s | %-13s | %s",
                "step", "sends/s", "cycl/s", "errors", "send p50/p99", "disp p50/p99", "sbx p50/p99",
                "smpp p50/p99", "verify p50/99", "lag p50/p99", "ok");
    }

    static String row(StepMetrics s, double target) {
        return String.format("%-8s %7.1f %7.1f %6d | %-13s | %-13s | %-13s | %-13s | %-13s | %-13s | %s",
                s.name, s.sendsPerSecond(), s.lifecyclesPerSecond(), s.errorCount(), pair(s.send),
                pair(s.dispatch), pair(s.dispatchSandbox), pair(s.dispatchSmpp), pair(s.verify),
                pair(s.projectionLag), s.passed(target) ? "yes" : "NO " + s.errors);
    }

    private static String pair(org.HdrHistogram.Histogram h) {
        return String.format("%.0f/%.0f", StepMetrics.ms(h, 50), StepMetrics.ms(h, 99));
    }

    static String summary(Map<String, Object> result) {
        StringBuilder text = new StringBuilder();
        text.append("pgbench TPS (1-row 400-byte insert, 32 clients): ").append(result.get("pgbench_tps"))
                .append('\n');
        text.append("highest sustained send rate with dispatch p99 < target and no errors: ")
                .append(result.get("max_sustained_send_rate_per_s")).append("/s\n");
        text.append("full lifecycles per second at that rate: ").append(result.get("lifecycles_per_s_at_max"))
                .append('\n');
        if (result.containsKey("ratio_sends_to_pgbench")) {
            text.append("ratio to pgbench TPS: sends ").append(result.get("ratio_sends_to_pgbench"))
                    .append(", lifecycles ").append(result.get("ratio_lifecycles_to_pgbench")).append('\n');
        }
        if (result.get("cost_per_otp") != null) {
            text.append("cost per OTP at that rate: ").append(result.get("cost_per_otp")).append('\n');
        }
        if (result.get("idle_per_s") != null) {
            text.append("idle, per second: ").append(result.get("idle_per_s")).append('\n');
        }
        text.append("load average before / after: ").append(result.get("load_average_before")).append(" / ")
                .append(result.get("load_average_after"));
        return text.toString();
    }
}
