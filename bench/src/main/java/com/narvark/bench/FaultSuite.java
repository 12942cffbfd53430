package com.narvark.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fault suite (bench/faults.sh starts it): two gateway nodes on one PostgreSQL, SMS over SMPP to this process's
 * SMSC, webhooks to this process's receiver, a steady open-loop load of sends (each verified with the code the SMSC
 * received) from a client that retries like the SDKs, and one fault per phase: kill -9 of a node inside a burst of
 * sends with an immediate restart, a PostgreSQL restart, the SMSC going away and back, the webhook receiver down.
 * Then it drains, reads every OTP back, prints what each phase lost, doubled or delayed, and exits 1 when a target
 * is missed (see {@link FaultReport}).
 */
public final class FaultSuite {

    private final Map<String, String> options;
    private final FaultLedger ledger = new FaultLedger();
    private final FaultTraffic traffic = new FaultTraffic(ledger);
    private final List<FaultReport.Phase> phases = new ArrayList<>();
    private FaultClient client;

    private FaultSuite(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        System.exit(new FaultSuite(options).run() ? 0 : 1);
    }

    private int number(String name, int otherwise) {
        return Integer.parseInt(options.getOrDefault(name, Integer.toString(otherwise)));
    }

    private boolean run() throws Exception {
        Path logs = Path.of(options.getOrDefault("logs", "bench/target"));
        int seconds = number("phase-seconds", 25);
        int smscPort = number("smsc-port", 12776);
        List<String> javaOptions = List.of(options.getOrDefault("java-opts", "-Xms512m -Xmx512m").split(" "));
        GatewayNode a = new GatewayNode("a", number("port-a", 18181), Path.of(options.get("jar")), logs, javaOptions);
        GatewayNode b = new GatewayNode("b", number("port-b", 18182), Path.of(options.get("jar")), logs, javaOptions);
        WebhookReceiver hooks = new WebhookReceiver(number("hook-port", 18190));
        Smsc smsc = new Smsc(smscPort);
        smsc.onEveryMessage(traffic::arrived);
        hooks.start();
        a.start();
        b.start();
        a.awaitReady(Duration.ofSeconds(180));
        b.awaitReady(Duration.ofSeconds(180));
        String key = setUp(new Api(a.baseUrl()), hooks);
        client = new FaultClient(List.of(a.baseUrl(), b.baseUrl()), key);
        traffic.connect(client);
        traffic.warmUp(number("warmup-seconds", 20), number("rate", 15));
        Thread load = new Thread(() -> traffic.load(number("rate", 15)), "fault-load");
        load.start();
        try {
            phase(seconds / 2, "steady", () -> { });
            phase(seconds, "kill", () -> {
                GatewayNode victim = deliveringNode(a, b);
                System.out.println("kill -9 of node " + victim.name()
                        + ", which holds the delivery processor's segments");
                traffic.burst(60, 120);
                Thread.sleep(250);
                victim.kill(); // inside the burst
                victim.start();
                victim.awaitReadyOrWarn(Duration.ofSeconds(180));
            });
            phase(seconds, "postgres", () -> run(options.get("pg-restart")));
            Smsc[] current = {smsc};
            phase(seconds, "smsc", () -> {
                current[0].close();
                Thread.sleep(10_000);
                current[0] = new Smsc(smscPort, current[0].lastId() + 1);
                current[0].onEveryMessage(traffic::arrived);
            });
            phase(seconds, "webhooks", () -> {
                hooks.stop();
                Thread.sleep(15_000);
                hooks.start();
            });
            traffic.stop();
            load.join();
            FaultReport report = new FaultReport(ledger, phases, hooks, client, traffic.unexpectedAtSmsc());
            report.drain(Duration.ofSeconds(number("drain-seconds", 120)));
            report.readBack(webhookBacklog(new Api(b.baseUrl()), key));
            boolean passed = report.print();
            writeResults(report, hooks);
            current[0].close();
            return passed;
        } finally {
            traffic.stop();
            a.stop();
            b.stop();
            hooks.stop();
        }
    }

    private interface Fault {
        void inject() throws Exception;
    }

    /**
     * Runs the fault {@value #SETTLE_MILLIS} ms into the phase, or once the previous phase's sends of its last
     * {@value #TAIL_MILLIS} ms are dispatched if that takes longer (at most {@value #MAX_SETTLE_MILLIS} ms), then lets
     * the steady load go on until the phase's time is up; phases not named in {@code --faults} (default: all) are
     * skipped. Each phase's wait is printed and stored as {@code settle_ms}.
     */
    private static final long SETTLE_MILLIS = 3_000;
    private static final long TAIL_MILLIS = 8_000;
    private static final long MAX_SETTLE_MILLIS = 30_000;

    private void phase(int seconds, String name, Fault fault) throws Exception {
        List<String> chosen = List.of(options.getOrDefault("faults", "kill,postgres,smsc,webhooks").split(","));
        if (!name.equals("steady") && !chosen.contains(name)) {
            return;
        }
        String previous = phases.isEmpty() ? null : phases.get(phases.size() - 1).name();
        traffic.phase(name);
        long settled = name.equals("steady") ? 0 : settle(previous);
        long start = System.nanoTime();
        Instant wallStart = Instant.now();
        fault.inject();
        long faultOver = System.nanoTime();
        phases.add(new FaultReport.Phase(name, start, faultOver, wallStart, Instant.now(), settled));
        System.out.printf("%-9s fault over after %.1f s (settled %.1f s before it)%n", name,
                (faultOver - start) / 1e9, settled / 1e3);
        LockSupport.parkNanos(Math.max(0, start + TimeUnit.SECONDS.toNanos(seconds) - System.nanoTime()));
    }

    /**
     * The previous phase's last sends get their dispatch done before this fault starts: with a fixed pause, the sends
     * of the PostgreSQL phase's last seconds, still in its backlog, met the SMSC outage and counted as its failures.
     * Sends accepted earlier than the tail and still not at the SMSC are not waited for (no wait would bring them);
     * sends of the previous phase still being retried by the client are (one accepted a second before the next
     * fault was caught by it).
     *
     * @return milliseconds waited
     */
    private long settle(String previous) throws InterruptedException {
        long began = System.nanoTime();
        Thread.sleep(SETTLE_MILLIS);
        long tailFrom = began - TimeUnit.MILLISECONDS.toNanos(TAIL_MILLIS);
        while (System.nanoTime() - began < TimeUnit.MILLISECONDS.toNanos(MAX_SETTLE_MILLIS)
                && ledger.byDigits.values().stream().anyMatch(s -> s.phase.equals(previous) && s.arrivals.isEmpty()
                && (s.acknowledged ? s.acceptedNanos > tailFrom : !s.gaveUp))) {
            Thread.sleep(100);
        }
        return (System.nanoTime() - began) / 1_000_000;
    }

    /**
     * The node holding more of the delivery processor's segments (its metrics say), so that the kill exercises the
     * take-over of a dead node's claims, not only its in-flight requests.
     */
    private GatewayNode deliveringNode(GatewayNode a, GatewayNode b) {
        return claimedDeliverySegments(b) > claimedDeliverySegments(a) ? b : a;
    }

    private int claimedDeliverySegments(GatewayNode node) {
        Pattern gauge = Pattern.compile("(?m)^narvark_processor_segments_claimed\\{[^}]*processor=\"otp-delivery\""
                + "[^}]*} ([0-9.]+)");
        Matcher value = gauge.matcher(new Api(node.baseUrl()).getText("/actuator/prometheus",
                options.get("admin-token")));
        return value.find() ? (int) Double.parseDouble(value.group(1)) : 0;
    }

    private String setUp(Api api, WebhookReceiver hooks) {
        String admin = options.get("admin-token");
        JsonNode account = api.postNow("/v1/admin/accounts", admin, Map.of("name", "faults " + Instant.now())).body();
        JsonNode key = api.postNow("/v1/admin/accounts/" + account.path("id").asText() + "/keys", admin,
                Map.of("environment", "live")).body();
        api.postNow("/v1/admin/keys/" + key.path("id").asText() + "/rate_limit", admin, Map.of("unlimited", true));
        String secret = key.path("secret").asText();
        api.postNow("/v1/webhook_endpoints", secret, Map.of("url", hooks.url()));
        return secret;
    }

    private static long webhookBacklog(Api api, String key) {
        long pendingOrFailed = 0;
        for (String status : List.of("pending", "failed")) {
            JsonNode page = api.get("/v1/webhook_deliveries?limit=100&status=" + status, key).join().body();
            pendingOrFailed += page.path("data").size();
        }
        return pendingOrFailed;
    }

    private static void run(String command) throws Exception {
        Process process = new ProcessBuilder("bash", "-c", command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("'" + command + "' exited with " + process.exitValue());
        }
    }

    private void writeResults(FaultReport report, WebhookReceiver hooks) throws Exception {
        String out = options.getOrDefault("out", "");
        if (!out.isEmpty()) {
            Path path = Path.of(out);
            Files.createDirectories(path.toAbsolutePath().getParent());
            Api.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(path.toFile(), report.toJson());
            Path timeline = Path.of(options.getOrDefault("logs", "bench/target"), "faults-sends.csv");
            FaultTimeline.write(ledger, phases, timeline);
            Path arrivals = timeline.resolveSibling("faults-webhooks.csv");
            FaultTimeline.writeWebhooks(hooks, phases, arrivals);
            System.out.println("results written to " + path + ", every send's row to " + timeline
                    + ", every webhook's to " + arrivals);
        }
    }
}
