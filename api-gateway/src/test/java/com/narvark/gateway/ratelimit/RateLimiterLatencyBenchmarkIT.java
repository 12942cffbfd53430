package com.narvark.gateway.ratelimit;

import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.TestDatabase;
import com.narvark.gateway.support.TestSettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Not a test: a benchmark of the latency the rate limiter adds per request under 200 concurrent clients. It prints
 * (1) the limiter's own statement ({@link RateLimiter#take}) called by 200 threads, on one hot key and on 200 keys,
 * and (2) whole requests over HTTP from 200 clients alternating an unlimited key (no limiter) and a limited one
 * (limit high enough never to refuse), whose difference is what a customer sees. Run it with
 * {@code ./mvnw -B -ntp verify -pl api-gateway -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=RateLimiterLatencyBenchmarkIT -Dbenchmarks=true}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RateLimiterLatencyBenchmarkIT {

    private static final int CLIENTS = 200;
    private static final int PER_CLIENT = 50;
    private static final int LIMIT = 1_000_000;
    private static final String ADMIN = "bench-admin-token-0123456789-0123456789";

    @LocalServerPort
    private int port;
    @Autowired
    private RateLimiter limiter;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.apply(registry::add, TestDatabase.jdbcUrl("ratelimitbench"));
        registry.add("narvark.admin.token", () -> ADMIN);
    }

    @Test
    void printRateLimiterLatency() throws Exception {
        Api api = new Api(port);
        String accountId = api.post("/v1/admin/accounts", ADMIN, "{\"name\":\"bench\"}").text("id");
        List<JsonNode> keys = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            keys.add(api.post("/v1/admin/accounts/" + accountId + "/keys", ADMIN, "{\"environment\":\"test\"}").json());
        }
        String unlimited = keys.get(0).get("secret").asString();
        String limited = keys.get(1).get("secret").asString();
        api.post("/v1/admin/keys/" + keys.get(0).get("id").asString() + "/rate_limit", ADMIN, "{\"unlimited\":true}");
        api.post("/v1/admin/keys/" + keys.get(1).get("id").asString() + "/rate_limit", ADMIN,
                "{\"requests_per_minute\":" + LIMIT + "}");
        String hot = keys.get(1).get("id").asString();

        measure(call -> () -> limiter.take(hot, LIMIT));
        List<Double> oneKey = times(measure(call -> () -> limiter.take(hot, LIMIT)), null);
        List<Double> manyKeys = times(measure(call -> () ->
                limiter.take(keys.get(call % CLIENTS).get("id").asString(), LIMIT)), null);
        String path = "/v1/otp/otp_00000000000000000000000000";
        IntFunction<Callable<Object>> request = call -> () -> api.get(path, call % 2 == 0 ? unlimited : limited)
                .headers().firstValue("RateLimit-Limit").isPresent();
        measure(request);
        List<Sample> http = measure(request);
        List<Double> withLimiter = times(http, true);
        List<Double> without = times(http, false);
        System.out.printf("%n%d concurrent clients, %d calls each%n", CLIENTS, PER_CLIENT);
        System.out.printf("%-34s %7s %8s %8s %8s%n", "", "calls", "p50 ms", "p99 ms", "max ms");
        print("limiter statement, one hot key", oneKey);
        print("limiter statement, 200 keys", manyKeys);
        print("HTTP request, unlimited key", without);
        print("HTTP request, limited key", withLimiter);
        System.out.printf("added by the limiter over HTTP: p50 %+.2f ms, p99 %+.2f ms%n",
                percentile(withLimiter, 0.50) - percentile(without, 0.50),
                percentile(withLimiter, 0.99) - percentile(without, 0.99));
    }

    private record Sample(double millis, Object answer) {
    }

    /** Every client's calls at once, each numbered: client × calls per client + i. */
    private List<Sample> measure(IntFunction<Callable<Object>> call) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Sample>>> runs = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            runs.add(clients.submit(() -> {
                start.await();
                List<Sample> mine = new ArrayList<>();
                for (int i = 0; i < PER_CLIENT; i++) {
                    Callable<Object> one = call.apply(client * PER_CLIENT + i);
                    long begin = System.nanoTime();
                    Object answer = one.call();
                    mine.add(new Sample((System.nanoTime() - begin) / 1e6, answer));
                }
                return mine;
            }));
        }
        start.countDown();
        List<Sample> all = new ArrayList<>();
        for (Future<List<Sample>> run : runs) {
            all.addAll(run.get());
        }
        clients.shutdown();
        return all;
    }

    /** The sorted times of the samples whose answer equals {@code answer}, or of all when it is null. */
    private static List<Double> times(List<Sample> samples, Object answer) {
        List<Double> times = new ArrayList<>();
        for (Sample sample : samples) {
            if (answer == null || answer.equals(sample.answer())) {
                times.add(sample.millis());
            }
        }
        Collections.sort(times);
        return times;
    }

    private static void print(String what, List<Double> sorted) {
        System.out.printf("%-34s %7d %8.2f %8.2f %8.2f%n", what, sorted.size(), percentile(sorted, 0.50),
                percentile(sorted, 0.99), sorted.get(sorted.size() - 1));
    }

    private static double percentile(List<Double> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }
}
