package com.narvark.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the gateway cost between two {@link CostMeter.Snapshot}s: statements (top level, transaction control left
 * out because commits are counted on their own), commits, CPU of both sides, and the statements that ran most.
 * Divided by the OTPs started in a step, or by the seconds of the idle window.
 */
final class Cost {

    /** BEGIN and COMMIT are what a commit costs in round trips: counted as commits, not as statements. */
    private static final Pattern TRANSACTION_CONTROL = Pattern.compile(
            "^\\s*(BEGIN|COMMIT|ROLLBACK|END|ABORT|START\\s+TRANSACTION|SAVEPOINT|RELEASE)\\b",
            Pattern.CASE_INSENSITIVE);

    record Top(String query, long calls, double execMs, boolean topLevel) {
    }

    final double seconds;
    final Long statements;
    final long commits;
    final Double cpuMsGateway;
    final Double cpuMsPostgres;
    final List<Top> top;

    private Cost(double seconds, Long statements, long commits, Double cpuMsGateway, Double cpuMsPostgres,
                 List<Top> top) {
        this.seconds = seconds;
        this.statements = statements;
        this.commits = commits;
        this.cpuMsGateway = cpuMsGateway;
        this.cpuMsPostgres = cpuMsPostgres;
        this.top = top;
    }

    static Cost between(CostMeter.Snapshot before, CostMeter.Snapshot after, int clockTicksPerSecond) {
        List<Top> top = new ArrayList<>();
        Long statements = null;
        if (before.statements() != null && after.statements() != null) {
            long total = 0;
            for (Map.Entry<String, CostMeter.Statement> entry : after.statements().entrySet()) {
                CostMeter.Statement now = entry.getValue();
                CostMeter.Statement then = before.statements().get(entry.getKey());
                long calls = now.calls() - (then == null ? 0 : then.calls());
                if (calls <= 0 || TRANSACTION_CONTROL.matcher(now.query()).find()) {
                    continue;
                }
                total += now.topLevel() ? calls : 0;
                top.add(new Top(now.query(), calls, now.execMs() - (then == null ? 0 : then.execMs()),
                        now.topLevel()));
            }
            top.sort(Comparator.comparingLong(Top::calls).reversed());
            statements = total;
        }
        double msPerTick = 1000.0 / clockTicksPerSecond;
        return new Cost((after.nanos() - before.nanos()) / 1e9, statements, after.commits() - before.commits(),
                cpuMs(before.gatewayTicks(), after.gatewayTicks(), msPerTick),
                cpuMs(before.postgresTicks(), after.postgresTicks(), msPerTick), top);
    }

    private static Double cpuMs(long before, long after, double msPerTick) {
        return before < 0 || after < 0 ? null : (after - before) * msPerTick;
    }

    Double cpuMs() {
        return cpuMsGateway == null || cpuMsPostgres == null ? null : cpuMsGateway + cpuMsPostgres;
    }

    /** The issue's {@code cost_per_otp} (or {@code idle_per_s}) block: every figure divided by {@code by}. */
    Map<String, Object> divided(double by) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("statements", statements == null ? null : StepMetrics.round(statements / by));
        json.put("commits", StepMetrics.round(commits / by));
        json.put("cpu_ms_gateway", cpuMsGateway == null ? null : StepMetrics.round(cpuMsGateway / by));
        json.put("cpu_ms_postgres", cpuMsPostgres == null ? null : StepMetrics.round(cpuMsPostgres / by));
        json.put("cpu_ms", cpuMs() == null ? null : StepMetrics.round(cpuMs() / by));
        return json;
    }

    /** The totals behind it, so that any figure can be re-divided. */
    Map<String, Object> totals(long otps, long httpRequests) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("seconds", StepMetrics.round(seconds));
        json.put("otps_started", otps);
        json.put("http_requests", httpRequests);
        json.put("statements", statements);
        json.put("commits", commits);
        json.put("cpu_ms_gateway", cpuMsGateway == null ? null : StepMetrics.round(cpuMsGateway));
        json.put("cpu_ms_postgres", cpuMsPostgres == null ? null : StepMetrics.round(cpuMsPostgres));
        return json;
    }

    List<Map<String, Object>> topStatements(int count, double by) {
        List<Map<String, Object>> json = new ArrayList<>();
        for (Top statement : top.subList(0, Math.min(count, top.size()))) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("calls", StepMetrics.round(statement.calls() / by));
            row.put("exec_ms", StepMetrics.round(statement.execMs() / by));
            row.put("query", shortened(statement.query()));
            if (!statement.topLevel()) {
                row.put("nested", true);
            }
            json.add(row);
        }
        return json;
    }

    static String shortened(String query) {
        String line = query.replaceAll("\\s+", " ").strip();
        return line.length() <= 100 ? line : line.substring(0, 99) + "…";
    }

    /** One console line: {@code unit} is "OTP" or "s". */
    String line(double by, String unit) {
        String statementPart = statements == null ? "statements not measured"
                : String.format("%.1f statements", statements / by);
        String cpu = cpuMs() == null ? "CPU not measured" : String.format("CPU %.2f ms gateway + %.2f ms PostgreSQL"
                + " = %.2f ms", cpuMsGateway / by, cpuMsPostgres / by, cpuMs() / by);
        return String.format("%s, %.1f commits, %s per %s", statementPart, commits / by, cpu, unit);
    }

    String topLines(int count, double by, String unit) {
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> row : topStatements(count, by)) {
            text.append(String.format("  %7.2f calls/%s %8.3f ms/%s  %s%s%n", (Double) row.get("calls"), unit,
                    (Double) row.get("exec_ms"), unit, row.containsKey("nested") ? "(nested) " : "",
                    row.get("query")));
        }
        return text.toString();
    }
}
