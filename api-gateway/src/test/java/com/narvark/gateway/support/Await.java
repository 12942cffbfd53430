package com.narvark.gateway.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Polls until a probe answers something other than null or false: the tests' one way to wait for async work. */
public final class Await {

    private Await() {
    }

    public static <T> T until(Supplier<T> probe, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            T value = probe.get();
            if (value != null && !Boolean.FALSE.equals(value)) {
                return value;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within " + timeout);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
