package com.narvark.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The load benchmark's entry point (bench/run.sh starts it): creates accounts with unlimited live keys through the
 * admin API, plays the SMSC, warms the gateway up, then climbs a ladder of arrival rates until a step misses the
 * dispatch target (p99) or has an error, prints a table and writes the results as JSON. With {@code --pg-host} it
 * also measures what each step cost per OTP (statements, commits, CPU of the gateway and of PostgreSQL) and what
 * the gateway costs idle ({@link CostWindows}).
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Api api = new Api(options.baseUrl());
        String loadBefore = loadAverage();
        List<String> keys = createKeys(api, options);
        System.out.printf("%d unlimited live keys over %d accounts; SMSC stand-in on port %d%n", keys.size(),
                options.accounts(), options.smscPort());
        List<StepMetrics> steps = new ArrayList<>();
        StepMetrics warmup;
        Map<String, Object> idle;
        Object idleTop;
        try (Smsc smsc = new Smsc(options.smscPort()); CostWindows cost = CostWindows.open(options.measuring())) {
            LoadRunner runner = new LoadRunner(api, smsc, keys, options.sandboxShare(), options.statusPollMs());
            warmup = runner.run("warmup", options.warmupRate(), options.warmupSeconds());
            cost.measureIdle(options.measuring().idleSeconds());
            idle = cost.idlePerSecond();
            idleTop = cost.idleTopStatements();
            System.out.println(Table.header());
            System.out.println(Table.row(warmup, options.dispatchTargetMs()));
            for (int rate : options.rates()) {
                String loadAtStart = loadAverage();
                CostMeter.Snapshot before = cost.begin();
                StepMetrics step = runner.run(rate + "/s", rate, options.stepSeconds(), s -> cost.end(s, before));
                steps.add(step);
                System.out.println(Table.row(step, options.dispatchTargetMs()) + "   load " + loadAtStart);
                if (step.cost != null) {
                    System.out.println(CostWindows.line(step));
                }
                if (!step.passed(options.dispatchTargetMs()) && !options.keepGoing()) {
                    break;
                }
                Thread.sleep(3_000);
            }
            if (smsc.unexpected.get() > 0) {
                System.out.println("SMSC received " + smsc.unexpected.get() + " messages nobody waited for");
            }
        }
        Map<String, Object> result = summary(options, steps, warmup, loadBefore, loadAverage(), idle);
        result.put("idle_top_statements", idleTop);
        System.out.println();
        System.out.println(Table.summary(result));
        steps.stream().filter(s -> s.passed(options.dispatchTargetMs()))
                .max(java.util.Comparator.comparingInt(s -> s.targetRate))
                .or(() -> steps.stream().reduce((first, second) -> second))
                .ifPresent(s -> System.out.print(CostWindows.topLines(s)));
        if (!options.out().isEmpty()) {
            Path out = Path.of(options.out());
            Files.createDirectories(out.toAbsolutePath().getParent());
            Api.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), result);
            System.out.println("results written to " + out);
        }
        System.exit(0);
    }

    private static List<String> createKeys(Api api, Options options) {
        List<String> keys = new ArrayList<>();
        for (int a = 0; a < options.accounts(); a++) {
            JsonNode account = api.postNow("/v1/admin/accounts", options.adminToken(),
                    Map.of("name", "bench " + Instant.now() + " #" + a)).body();
            String accountId = account.path("id").asText();
            for (int k = 0; k < options.keysPerAccount(); k++) {
                JsonNode key = api.postNow("/v1/admin/accounts/" + accountId + "/keys", options.adminToken(),
                        Map.of("environment", "live")).body();
                api.postNow("/v1/admin/keys/" + key.path("id").asText() + "/rate_limit", options.adminToken(),
                        Map.of("unlimited", true));
                keys.add(key.path("secret").asText());
            }
        }
        return keys;
    }

    private static Map<String, Object> summary(Options options, List<StepMetrics> steps, StepMetrics warmup,
                                               String loadBefore, String loadAfter, Map<String, Object> idle) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        json.put("commit", options.commit());
        json.put("gateway", options.gateway());
        json.put("cores", Runtime.getRuntime().availableProcessors());
        json.put("load_average_before", loadBefore);
        json.put("load_average_after", loadAfter);
        json.put("pgbench_tps", StepMetrics.round(options.pgbenchTps()));
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("step_seconds", options.stepSeconds());
        settings.put("keys", options.accounts() * options.keysPerAccount());
        settings.put("sandbox_share", options.sandboxShare());
        settings.put("status_poll_ms", options.statusPollMs());
        settings.put("dispatch_target_ms", options.dispatchTargetMs());
        json.put("settings", settings);
        StepMetrics best = steps.stream().filter(s -> s.passed(options.dispatchTargetMs()))
                .max(java.util.Comparator.comparingInt(s -> s.targetRate)).orElse(null);
        json.put("max_sustained_send_rate_per_s", best == null ? 0 : best.targetRate);
        // Divided by the OTPs started in the sustained step (SMS lifecycles and sandbox sends alike).
        json.put("cost_per_otp", best == null || best.cost == null ? null : best.cost.divided(best.started.get()));
        json.put("idle_per_s", idle);
        json.put("lifecycles_per_s_at_max", best == null ? null : StepMetrics.round(best.lifecyclesPerSecond()));
        if (options.pgbenchTps() > 0) {
            json.put("ratio_sends_to_pgbench", best == null ? null
                    : StepMetrics.round4(best.targetRate / options.pgbenchTps()));
            json.put("ratio_lifecycles_to_pgbench", best == null ? null
                    : StepMetrics.round4(best.lifecyclesPerSecond() / options.pgbenchTps()));
        }
        json.put("at_max", best == null ? null : best.toJson(options.dispatchTargetMs()));
        json.put("warmup", warmup.toJson(options.dispatchTargetMs()));
        json.put("steps", steps.stream().map(s -> s.toJson(options.dispatchTargetMs())).toList());
        return json;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception notLinux) {
            return "unknown";
        }
    }
}
