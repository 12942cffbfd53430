package com.narvark.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The sandbox's receive times, read once per OTP after the step: polling each inbox during the step would add
 * requests in proportion to the very delay being measured, and feed it. The sends of the step are noted here as
 * their answers come, then {@link #read} looks each one's message up (8 at a time).
 */
final class SandboxInboxes {

    private record SandboxSend(String otpId, String key, long due) {
    }

    private final Api api;
    private final WallClock clock;
    private final java.util.Queue<SandboxSend> sandboxSent = new java.util.concurrent.ConcurrentLinkedQueue<>();

    SandboxInboxes(Api api, WallClock clock) {
        this.api = api;
        this.clock = clock;
    }

    /** {@code due}: when the send was due (System.nanoTime); its dispatch delay runs from there. */
    void sent(String otpId, String key, long due) {
        sandboxSent.add(new SandboxSend(otpId, key, due));
    }

    void read(StepMetrics metrics) throws InterruptedException {
        java.util.concurrent.Semaphore parallel = new java.util.concurrent.Semaphore(8);
        List<SandboxSend> sends = new java.util.ArrayList<>(sandboxSent);
        sandboxSent.clear();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(sends.size());
        for (SandboxSend send : sends) {
            parallel.acquire();
            api.get("/v1/sandbox/messages?otp_id=" + send.otpId(), send.key()).whenComplete((answer, failure) -> {
                parallel.release();
                done.countDown();
                if (failure != null || !answer.ok() || answer.body().path("data").isEmpty()) {
                    metrics.errors.computeIfAbsent("sandbox_not_dispatched",
                            k -> new java.util.concurrent.atomic.AtomicLong()).incrementAndGet();
                    return;
                }
                JsonNode message = answer.body().path("data").get(0);
                long receivedMicros = WallClock.micros(Instant.parse(message.path("received_at").asText()));
                long dispatchMicros = receivedMicros - clock.wallMicros(send.due());
                StepMetrics.record(metrics.dispatchSandbox, dispatchMicros);
                StepMetrics.record(metrics.dispatch, dispatchMicros);
            });
        }
        done.await(120, TimeUnit.SECONDS);
    }
}
