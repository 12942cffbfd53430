package com.narvark.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Open-loop load: OTP lifecycles start at fixed instants whatever the gateway's answers do, and every latency is
 * measured from the instant the request was due (not when it was actually sent), so queueing anywhere, the load
 * generator included, shows in the figures instead of slowing the arrival rate down.
 * <p>
 * One lifecycle: send → the provider receives the message (SMPP stand-in, or the sandbox inbox read back through
 * the API) → the SMSC's delivery receipt is taken → verify with the received code → poll the OTP's status until
 * it shows {@code verified} with a delivery time. Phone numbers are unique per OTP, so the SMSC can tell them apart.
 */
final class LoadRunner {

    private static final Pattern CODE = Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)");
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final Api api;
    private final Smsc smsc;
    private final List<String> keys;
    private final double sandboxShare;
    private final long pollMillis;
    private final AtomicInteger sequence = new AtomicInteger();
    private final SandboxInboxes sandboxInboxes;
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "bench-timer");
        thread.setDaemon(true);
        return thread;
    });

    LoadRunner(Api api, Smsc smsc, List<String> keys, double sandboxShare, long pollMillis) {
        this.api = api;
        this.smsc = smsc;
        this.keys = keys;
        this.sandboxShare = sandboxShare;
        this.pollMillis = pollMillis;
        this.sandboxInboxes = new SandboxInboxes(api, WallClock.now());
    }

    StepMetrics run(String name, int rate, int seconds) throws InterruptedException {
        return run(name, rate, seconds, metrics -> {
        });
    }

    /**
     * Runs one step at a fixed arrival rate, then waits (at most 60 s) for its lifecycles to finish; then
     * {@code lifecyclesDone} (the end of the cost window), then the sandbox inboxes are read.
     */
    StepMetrics run(String name, int rate, int seconds, java.util.function.Consumer<StepMetrics> lifecyclesDone)
            throws InterruptedException {
        StepMetrics metrics = new StepMetrics(name, rate, seconds);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        metrics.startNanos = start;
        long total = (long) rate * seconds;
        for (long i = 0; i < total; i++) {
            long due = start + (long) (i * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long lag = System.nanoTime() - due;
            metrics.maxGeneratorLagNanos.accumulateAndGet(lag, Math::max);
            begin(due, metrics);
        }
        long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (metrics.inFlight.get() > 0 && System.nanoTime() < drainDeadline) {
            Thread.sleep(50);
        }
        lifecyclesDone.accept(metrics);
        sandboxInboxes.read(metrics);
        if (metrics.inFlight.get() > 0) {
            metrics.errors.computeIfAbsent("unfinished", k -> new java.util.concurrent.atomic.AtomicLong())
                    .addAndGet(metrics.inFlight.get());
        }
        return metrics;
    }

    private void begin(long due, StepMetrics metrics) {
        int n = sequence.getAndIncrement();
        boolean sandbox = Math.floor((n + 1) * sandboxShare) > Math.floor(n * sandboxShare);
        String digits = "447911" + String.format("%06d", n % 1_000_000);
        String key = keys.get(n % keys.size());
        metrics.started.incrementAndGet();
        metrics.inFlight.incrementAndGet();
        CompletableFuture<Smsc.Received> atSmsc = sandbox ? null : smsc.expect(digits);
        metrics.httpRequests.incrementAndGet();
        api.post("/v1/otp/send", key, Map.of("to", "+" + digits, "channel", sandbox ? "whatsapp" : "sms"))
                .whenComplete((answer, failure) -> {
                    long now = System.nanoTime();
                    if (failure != null || !answer.ok()) {
                        smsc.forget(digits);
                        metrics.error(failure != null ? "send_io" : "send_http_" + answer.status());
                        return;
                    }
                    StepMetrics.record(metrics.send, (now - due) / 1000);
                    String otpId = answer.body().path("id").asText();
                    if (sandbox) {
                        sandboxInboxes.sent(otpId, key, due);
                        metrics.complete(System.nanoTime(), false);
                    } else {
                        awaitSmsc(atSmsc, otpId, key, due, metrics);
                    }
                });
    }

    private void awaitSmsc(CompletableFuture<Smsc.Received> atSmsc, String otpId, String key, long due,
                           StepMetrics metrics) {
        atSmsc.orTimeout(30, TimeUnit.SECONDS).whenComplete((received, failure) -> {
            if (failure != null) {
                metrics.error("dispatch_timeout_smpp");
                return;
            }
            long dispatchMicros = (received.receivedNanos() - due) / 1000;
            StepMetrics.record(metrics.dispatchSmpp, dispatchMicros);
            StepMetrics.record(metrics.dispatch, dispatchMicros);
            received.receiptAcked().orTimeout(30, TimeUnit.SECONDS).whenComplete((ok, notAcked) -> {
                if (notAcked != null) {
                    metrics.error("receipt_not_taken");
                    return;
                }
                verify(otpId, key, received.text(), metrics);
            });
        });
    }

    private void verify(String otpId, String key, String text, StepMetrics metrics) {
        Matcher code = CODE.matcher(text);
        if (!code.find()) {
            metrics.error("no_code_in_message");
            return;
        }
        long start = System.nanoTime();
        metrics.httpRequests.incrementAndGet();
        api.post("/v1/otp/verify", key, Map.of("id", otpId, "code", code.group(1))).whenComplete((answer, failure) -> {
            long now = System.nanoTime();
            if (failure != null || !answer.ok()) {
                metrics.error(failure != null ? "verify_io" : "verify_http_" + answer.status());
                return;
            }
            if (!answer.body().path("valid").asBoolean(false)) {
                metrics.error("verify_invalid_" + answer.body().path("status").asText());
                return;
            }
            StepMetrics.record(metrics.verify, (now - start) / 1000);
            awaitStatus(otpId, key, metrics);
        });
    }

    /** The OTP is done when its status, read back through the API, says verified and delivered. */
    private void awaitStatus(String otpId, String key, StepMetrics metrics) {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        Runnable poll = new Runnable() {
            private long delay = pollMillis;

            @Override
            public void run() {
                metrics.httpRequests.incrementAndGet();
                api.get("/v1/otp/" + otpId, key).whenComplete((answer, failure) -> {
                    long seen = WallClock.micros(Instant.now());
                    if (failure != null || !answer.ok()) {
                        metrics.error(failure != null ? "status_io" : "status_http_" + answer.status());
                        return;
                    }
                    JsonNode body = answer.body();
                    boolean done = "verified".equals(body.path("status").asText())
                            && !body.path("delivered_at").isNull() && !body.path("delivered_at").isMissingNode();
                    if (!done) {
                        if (System.nanoTime() > deadline) {
                            metrics.error("status_timeout_" + body.path("status").asText());
                        } else {
                            delay = Math.min(1_000, delay * 2);
                            timers.schedule(this, delay, TimeUnit.MILLISECONDS);
                        }
                        return;
                    }
                    long eventMicros = WallClock.micros(Instant.parse(body.path("verified_at").asText()));
                    StepMetrics.record(metrics.projectionLag, seen - eventMicros);
                    metrics.complete(System.nanoTime(), true);
                });
            }
        };
        timers.schedule(poll, pollMillis, TimeUnit.MILLISECONDS);
    }
}
