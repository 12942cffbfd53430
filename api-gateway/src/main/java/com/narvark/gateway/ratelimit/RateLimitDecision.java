package com.narvark.gateway.ratelimit;

/**
 * What the GCRA bucket answered, turned into the headers. {@code aheadMicros} is how far the bucket's theoretical
 * arrival time lies ahead of now: after this request when allowed, before it when refused.
 */
record RateLimitDecision(boolean allowed, int limit, long remaining, long resetSeconds, long retryAfterSeconds) {

    static final long PERIOD_MICROS = 60_000_000L;

    static long intervalMicros(int limit) {
        return Math.max(1, PERIOD_MICROS / limit);
    }

    static RateLimitDecision of(boolean allowed, int limit, long aheadMicros) {
        long interval = intervalMicros(limit);
        long ahead = Math.max(0, aheadMicros);
        long remaining = allowed ? Math.max(0, Math.min(limit, (PERIOD_MICROS - ahead) / interval)) : 0;
        long retryAfter = allowed ? 0 : Math.max(1, ceilSeconds(ahead + interval - PERIOD_MICROS));
        return new RateLimitDecision(allowed, limit, remaining, ceilSeconds(ahead), retryAfter);
    }

    private static long ceilSeconds(long micros) {
        return micros <= 0 ? 0 : (micros + 999_999) / 1_000_000;
    }
}
