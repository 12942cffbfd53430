package com.narvark.gateway.ratelimit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * GCRA over the {@code rate_limit_buckets} table: one atomic upsert per request decides, so every node shares the
 * bucket and the database's clock. A refused request leaves the bucket untouched; one more read gives its headers.
 * An API request takes from two buckets, its key's and its account's, in one statement ({@link #takeWithShared}).
 */
@Repository
public class RateLimiter {

    private static final String TAKE = """
            INSERT INTO gateway.rate_limit_buckets AS b (key_id, tat) VALUES (:key, now() + make_interval(secs => :t))
            ON CONFLICT (key_id) DO UPDATE SET tat = greatest(b.tat, now()) + make_interval(secs => :t)
            WHERE greatest(b.tat, now()) + make_interval(secs => :t) <= now() + make_interval(secs => :period)
            RETURNING (extract(epoch FROM (b.tat - now())) * 1000000)::BIGINT
            """;
    /**
     * The key's bucket, then the account's only if the key's allowed the request: two upserts in one statement (one
     * round trip, one commit) instead of two. The second reads the first one's result, so the key's row is always
     * locked before the account's and concurrent requests cannot deadlock. Always one row; a null column is a refusal
     * (or, for the shared bucket, not tried).
     */
    private static final String TAKE_WITH_SHARED = """
            WITH own AS (
                INSERT INTO gateway.rate_limit_buckets AS b (key_id, tat)
                VALUES (:key, now() + make_interval(secs => :t))
                ON CONFLICT (key_id) DO UPDATE SET tat = greatest(b.tat, now()) + make_interval(secs => :t)
                WHERE greatest(b.tat, now()) + make_interval(secs => :t) <= now() + make_interval(secs => :period)
                RETURNING (extract(epoch FROM (b.tat - now())) * 1000000)::BIGINT AS ahead
            ), shared AS (
                INSERT INTO gateway.rate_limit_buckets AS b (key_id, tat)
                SELECT :shared, now() + make_interval(secs => :st) FROM own
                ON CONFLICT (key_id) DO UPDATE SET tat = greatest(b.tat, now()) + make_interval(secs => :st)
                WHERE greatest(b.tat, now()) + make_interval(secs => :st) <= now() + make_interval(secs => :period)
                RETURNING (extract(epoch FROM (b.tat - now())) * 1000000)::BIGINT AS ahead
            )
            SELECT (SELECT ahead FROM own) AS own_ahead, (SELECT ahead FROM shared) AS shared_ahead
            """;
    private static final String AHEAD = """
            SELECT (extract(epoch FROM (tat - now())) * 1000000)::BIGINT
            FROM gateway.rate_limit_buckets WHERE key_id = :key
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
        var taken = jdbc.sql(TAKE).param("key", keyId).param("t", seconds(limit))
                .param("period", RateLimitDecision.PERIOD_MICROS / 1e6).query(Long.class).optional();
        return taken.isPresent() ? RateLimitDecision.of(true, limit, taken.get()) : refused(keyId, limit);
    }

    /**
     * One request against {@code own}'s bucket and, when that allows it, against {@code shared}'s as well: one
     * statement, and a second only to read a refused bucket's headers. A request the shared bucket refuses has
     * still been counted in its own (as when the two were taken one after the other).
     */
    Taken takeWithShared(String own, int ownLimit, String shared, int sharedLimit) {
        Aheads aheads = jdbc.sql(TAKE_WITH_SHARED).param("key", own).param("t", seconds(ownLimit))
                .param("shared", shared).param("st", seconds(sharedLimit))
                .param("period", RateLimitDecision.PERIOD_MICROS / 1e6)
                .query((rs, row) -> new Aheads(rs.getObject("own_ahead", Long.class),
                        rs.getObject("shared_ahead", Long.class)))
                .single();
        if (aheads.own() == null) {
            return new Taken(refused(own, ownLimit), null);
        }
        return new Taken(RateLimitDecision.of(true, ownLimit, aheads.own()), aheads.shared() == null
                ? refused(shared, sharedLimit) : RateLimitDecision.of(true, sharedLimit, aheads.shared()));
    }

    /** {@code shared} is null when {@code own} refused the request, so the shared bucket was not tried. */
    record Taken(RateLimitDecision own, RateLimitDecision shared) {
    }

    /** Microseconds each bucket's arrival time lies ahead after the take; null where it refused (or was not tried). */
    private record Aheads(Long own, Long shared) {
    }

    private RateLimitDecision refused(String bucket, int limit) {
        long ahead = jdbc.sql(AHEAD).param("key", bucket).query(Long.class).optional().orElse(0L);
        return RateLimitDecision.of(false, limit, ahead);
    }

    private static double seconds(int limit) {
        return RateLimitDecision.intervalMicros(limit) / 1e6;
    }
}
