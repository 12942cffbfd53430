package com.narvark.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client as the SDKs behave: one Idempotency-Key per logical send, reused on every retry; retries after an unknown
 * outcome (connection refused or reset, no answer within 10 s, 5xx) and after {@code idempotency_in_flight} or a 429,
 * with the SDKs' backoff (never sooner than a Retry-After), for up to 30 s; each retry goes to the next node, as a load balancer would. Every
 * answer that is not a success is checked against the error contract: a JSON body {@code {"error": {"code",
 * "message"}}} and a Request-Id header.
 */
final class FaultClient {

    /** An answer off the documented error shape. */
    record OffContract(String call, int status, String body) {
    }

    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final List<Api> nodes;
    private final String key;
    private final AtomicInteger next = new AtomicInteger();
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "fault-client-retry");
        thread.setDaemon(true);
        return thread;
    });
    final ConcurrentLinkedQueue<OffContract> offContract = new ConcurrentLinkedQueue<>();
    final AtomicInteger retries = new AtomicInteger();

    FaultClient(List<String> baseUrls, String key) {
        this.nodes = baseUrls.stream().map(url -> new Api(url, Duration.ofSeconds(10))).toList();
        this.key = key;
    }

    /** Completes with the success answer (each one also goes to {@code onSuccess}), or null after giving up. */
    CompletableFuture<Api.Answer> post(String call, String path, Object body, Map<String, String> headers,
                                       java.util.function.Consumer<Api.Answer> onSuccess) {
        CompletableFuture<Api.Answer> done = new CompletableFuture<>();
        int first = Math.floorMod(next.getAndIncrement(), nodes.size());
        attempt(call, path, body, headers, onSuccess, done, System.nanoTime(), 0, first);
        return done;
    }

    CompletableFuture<Api.Answer> get(String path) {
        return nodes.get(Math.floorMod(next.getAndIncrement(), nodes.size())).get(path, key);
    }

    private void attempt(String call, String path, Object body, Map<String, String> headers,
                         java.util.function.Consumer<Api.Answer> onSuccess, CompletableFuture<Api.Answer> done,
                         long started, int tries, int nodeIndex) {
        Api node = nodes.get(nodeIndex);
        node.post(path, key, body, headers).whenComplete((answer, failure) -> {
            if (failure == null && answer.ok()) {
                onSuccess.accept(answer);
                done.complete(answer);
                return;
            }
            if (failure == null) {
                checkShape(call, answer);
            }
            long waitMillis = failure != null ? backoff(tries) : retryWait(answer, tries);
            if (failure == null && waitMillis >= 0 && answer.retryAfterSeconds() > 0) {
                waitMillis = Math.max(waitMillis, answer.retryAfterSeconds() * 1_000L);
            }
            if (waitMillis < 0 || System.nanoTime() - started > GIVE_UP_NANOS) {
                done.complete(failure == null && waitMillis < 0 ? answer : null);
                return;
            }
            retries.incrementAndGet();
            // The node after the one that failed, as a load balancer retries on the next upstream (a shared counter
            // sent a third of the retries back to a dead node, several times in a row for some sends).
            int following = (nodeIndex + 1) % nodes.size();
            timers.schedule(() -> attempt(call, path, body, headers, onSuccess, done, started, tries + 1, following),
                    waitMillis, TimeUnit.MILLISECONDS);
        });
    }

    /** -1: final (a 4xx that a retry would only repeat). */
    private static long retryWait(Api.Answer answer, int tries) {
        String code = answer.body().path("error").path("code").asText();
        if (answer.status() >= 500 || "idempotency_in_flight".equals(code)) {
            return backoff(tries);
        }
        return answer.status() == 429 ? 1_000 : -1;
    }

    /** As the SDKs: exponential from 0.5 s, capped at 8 s, with jitter so that clients do not retry in step. */
    private static long backoff(int tries) {
        long ceiling = Math.min(8_000, 500L << Math.min(tries, 4));
        return ceiling / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
    }

    private void checkShape(String call, Api.Answer answer) {
        JsonNode error = answer.body().path("error");
        if (!error.path("code").isTextual() || !error.path("message").isTextual() || answer.requestId() == null) {
            offContract.add(new OffContract(call, answer.status(), answer.body().toString()));
        }
    }
}
