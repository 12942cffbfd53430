package com.narvark.gateway.ratelimit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * GCRA over the {@code rate_limit_buckets} table: one atomic upsert per request decides, so every node shares the
 * bucket and the database's clock. A refused request leaves the bucket untouched; one more read gives its headers.
 */
@Repository
public class RateLimiter {

    private static final String TAKE = """
            INSERT INTO rate_limit_buckets AS b (key_id, tat) VALUES (:key, now() + make_interval(secs => :t))
            ON CONFLICT (key_id) DO UPDATE SET tat = greatest(b.tat, now()) + make_interval(secs => :t)
            WHERE greatest(b.tat, now()) + make_interval(secs => :t) <= now() + make_interval(secs => :period)
            RETURNING (extract(epoch FROM (b.tat - now())) * 1000000)::BIGINT
            """;
    private static final String AHEAD = """
            SELECT (extract(epoch FROM (tat - now())) * 1000000)::BIGINT FROM rate_limit_buckets WHERE key_id = :key
            """;

    private final JdbcClient jdbc;

    RateLimiter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Seconds until one more {@link #take} of this bucket would be allowed; 0 when it would be now. Reads only, so
     * a caller can refuse before doing the work a take counts (a credential check, say).
     */
    public long secondsUntilFree(String bucket, int limit) {
        long ahead = jdbc.sql(AHEAD).param("key", bucket).query(Long.class).optional().orElse(0L);
        long over = ahead + RateLimitDecision.intervalMicros(limit) - RateLimitDecision.PERIOD_MICROS;
        return over <= 0 ? 0 : (over + 999_999) / 1_000_000;
    }

    /** Whether the bucket still holds anything counted within the last period. */
    public boolean hasCounted(String bucket) {
        return jdbc.sql(AHEAD).param("key", bucket).query(Long.class).optional().orElse(0L) > 0;
    }

    /** Counts one event against the bucket; whether it was within the limit. */
    public boolean count(String bucket, int limit) {
        return take(bucket, limit).allowed();
    }

    RateLimitDecision take(String keyId, int limit) {
        double interval = RateLimitDecision.intervalMicros(limit) / 1e6;
        var taken = jdbc.sql(TAKE).param("key", keyId).param("t", interval)
                .param("period", RateLimitDecision.PERIOD_MICROS / 1e6).query(Long.class).optional();
        if (taken.isPresent()) {
            return RateLimitDecision.of(true, limit, taken.get());
        }
        long ahead = jdbc.sql(AHEAD).param("key", keyId).query(Long.class).optional().orElse(0L);
        return RateLimitDecision.of(false, limit, ahead);
    }
}
