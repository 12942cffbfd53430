package com.narvark.otp.webhooks;

import java.time.Duration;
import java.util.Random;

/**
 * When to try again after a failed attempt: the base delay doubling per attempt up to a ceiling, with ±20 % jitter
 * so that receivers coming back from an outage are not hit by every sender at once. With the defaults (30 s, 12 h,
 * 17 attempts) the last attempt comes about 3.2 days after the first. A {@code Retry-After} longer than the
 * schedule's delay wins, up to one day.
 */
record RetrySchedule(Duration baseDelay, Duration maxDelay, int maxAttempts) {

    private static final Duration LONGEST_RETRY_AFTER = Duration.ofDays(1);

    /** @param failedAttempts attempts made so far, all failed (1 after the first failure) */
    boolean exhausted(int failedAttempts) {
        return failedAttempts >= maxAttempts;
    }

    Duration nominalDelay(int failedAttempts) {
        int doublings = Math.min(failedAttempts - 1, 40);
        long millis = baseDelay.toMillis();
        for (int i = 0; i < doublings && millis < maxDelay.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
    }

    Duration delay(int failedAttempts, Duration retryAfter, Random random) {
        long nominal = nominalDelay(failedAttempts).toMillis();
        long jittered = Math.max(1, Math.round(nominal * (0.8 + 0.4 * random.nextDouble())));
        Duration delay = Duration.ofMillis(jittered);
        if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
            return retryAfter.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : retryAfter;
        }
        return delay;
    }
}
