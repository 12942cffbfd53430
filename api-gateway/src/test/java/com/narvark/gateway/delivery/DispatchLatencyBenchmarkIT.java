package com.narvark.gateway.delivery;

import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.TestDatabase;
import com.narvark.gateway.support.TestSettings;
import com.narvark.otp.delivery.standin.TestSmsc;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Not a test: a benchmark that prints the time from an accepted send request (the OTP's {@code created_at}) to the
 * carrier stand-in holding the message, for the sandbox (email) and for SMPP (sms), over 1,000 sends each,
 * open loop at a fixed arrival rate ({@code -Dbenchmark.rate}, sends per second, default 50) so that slow answers
 * cannot hide queueing. Excluded from the normal build; run it with
 * {@code ./mvnw -B -ntp verify -pl api-gateway -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=DispatchLatencyBenchmarkIT -Dbenchmarks=true -Dbenchmark.rate=50}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DispatchLatencyBenchmarkIT {

    private static final int SENDS = 1_000;
    private static final int CLIENTS = 32;
    private static final int RATE = Integer.getInteger("benchmark.rate", 50);
    private static final String ADMIN = "bench-admin-token-0123456789-0123456789";
    private static final TestSmsc SMSC = CarrierStandIns.SMSC;

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.apply(registry::add, TestDatabase.jdbcUrl("benchmark"));
        registry.add("narvark.admin.token", () -> ADMIN);
        registry.add("narvark.delivery.sms.provider", () -> "smpp");
        registry.add("narvark.smpp.host", () -> "127.0.0.1");
        registry.add("narvark.smpp.port", SMSC::port);
        registry.add("narvark.smpp.system-id", () -> "narvark");
    }

    @Test
    void printDispatchLatency() throws Exception {
        Api api = new Api(port);
        String key = null;
        String keyId = null;
        for (JsonNode k : api.post("/v1/admin/accounts", ADMIN, "{\"name\":\"bench\"}").json().get("keys")) {
            key = k.get("livemode").asBoolean() ? k.get("secret").asString() : key;
            keyId = k.get("livemode").asBoolean() ? k.get("id").asString() : keyId;
        }
        // The open loop sends more than the default 1,000 a minute: this measures dispatch, not the rate limiter.
        api.post("/v1/admin/keys/" + keyId + "/rate_limit", ADMIN, "{\"unlimited\":true}");
        run(api, key, "email", 200);
        List<Double> sandbox = run(api, key, "email", SENDS);
        List<Double> smpp = run(api, key, "sms", SENDS);
        System.out.printf("%n%d sends per second, open loop%n", RATE);
        System.out.printf("%-8s %6s %8s %8s %8s %8s%n", "carrier", "sends", "p50 ms", "p90 ms", "p99 ms", "max ms");
        print("sandbox", sandbox);
        print("smpp", smpp);
    }

    private List<Double> run(Api api, String key, String channel, int sends) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<JsonNode>> answers = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < sends; i++) {
            long due = start + i * 1_000_000_000L / RATE;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            String to = channel.equals("sms") ? "+4479111" + String.format("%05d", i) : "bench" + i + "@example.com";
            String body = "{\"to\":\"" + to + "\",\"channel\":\"" + channel + "\"}";
            answers.add(clients.submit(() -> api.post("/v1/otp/send", key, body).json()));
        }
        Map<String, Instant> created = new HashMap<>();
        for (Future<JsonNode> answer : answers) {
            JsonNode otp = answer.get();
            created.put(otp.get("id").asString(), Instant.parse(otp.get("created_at").asString()));
        }
        clients.shutdown();
        Thread.sleep(2_000);
        List<Double> latencies = new ArrayList<>();
        if (channel.equals("sms")) {
            Map<String, Instant> byDestination = new HashMap<>();
            for (Map.Entry<String, Instant> otp : created.entrySet()) {
                byDestination.put(api.get("/v1/otp/" + otp.getKey(), key).text("to").substring(1), otp.getValue());
            }
            for (TestSmsc.Submitted sm : SMSC.submitted()) {
                Instant sent = byDestination.get(sm.destination());
                if (sent != null) {
                    latencies.add((double) (sm.receivedAtMillis() - sent.toEpochMilli()));
                }
            }
        } else {
            for (Map.Entry<String, Instant> otp : created.entrySet()) {
                JsonNode data = api.get("/v1/sandbox/messages?otp_id=" + otp.getKey(), key).json().get("data");
                for (int wait = 0; data.isEmpty() && wait < 100; wait++) {
                    Thread.sleep(100);
                    data = api.get("/v1/sandbox/messages?otp_id=" + otp.getKey(), key).json().get("data");
                }
                Instant received = Instant.parse(data.get(0).get("received_at").asString());
                latencies.add((double) (received.toEpochMilli() - otp.getValue().toEpochMilli()));
            }
        }
        Collections.sort(latencies);
        return latencies;
    }

    private static void print(String carrier, List<Double> sorted) {
        System.out.printf("%-8s %6d %8.0f %8.0f %8.0f %8.0f%n", carrier, sorted.size(), percentile(sorted, 0.50),
                percentile(sorted, 0.90), percentile(sorted, 0.99), sorted.get(sorted.size() - 1));
    }

    private static double percentile(List<Double> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }
}
