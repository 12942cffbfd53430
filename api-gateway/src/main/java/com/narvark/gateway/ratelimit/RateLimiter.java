package com.narvark.gateway.ratelimit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * GCRA over the {@code rate_limit_buckets} table: one atomic upsert per request decides, so every node shares the
 * bucket and the database's clock. A refused request leaves the bucket untouched; one more read gives its headers.
 */
@Repository
class RateLimiter {

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
