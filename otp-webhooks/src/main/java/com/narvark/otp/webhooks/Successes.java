package com.narvark.otp.webhooks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The successes of one lane not yet written down, written as one statement for up to {@value #MAX_PENDING} of them or
 * once the oldest waited {@value #MAX_AGE_MILLIS} ms, and always before the lane records a failure or ends. An
 * endpoint's webhooks go one after another, so a commit per webhook was half of each one's round trip (and one of
 * the sender's two writes per webhook). What a node dying before the write costs: those webhooks are sent again
 * after the lease, which at-least-once delivery allows (receivers deduplicate on {@code webhook-id}).
 */
final class Successes {

    static final int MAX_PENDING = 50;
    static final long MAX_AGE_MILLIS = 200;

    /** One post the receiver took. */
    record Success(ClaimedDelivery delivery, PostResult result, Instant attemptedAt) {
    }

    private final HeldBatch batch;
    private final Consumer<List<Success>> write;
    private final List<Success> pending = new ArrayList<>();
    private long oldestNanos;

    /**
     * @param batch the lane's batch, told what was written (its lease covers the successes until then)
     * @param write stores a group of successes, retried by the caller's rules; throws when it cannot
     */
    Successes(HeldBatch batch, Consumer<List<Success>> write) {
        this.batch = batch;
        this.write = write;
    }

    void add(Success success) {
        if (pending.isEmpty()) {
            oldestNanos = System.nanoTime();
        }
        pending.add(success);
        if (pending.size() >= MAX_PENDING || System.nanoTime() - oldestNanos >= MAX_AGE_MILLIS * 1_000_000) {
            flush();
        }
    }

    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<Success> group = List.copyOf(pending);
        pending.clear();
        write.accept(group);
        batch.recorded(group.size());
    }
}
