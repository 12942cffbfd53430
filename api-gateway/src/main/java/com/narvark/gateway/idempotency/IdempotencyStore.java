package com.narvark.gateway.idempotency;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code idempotency_keys} table. A record lives 24 h; an expired one is taken over by the next request with
 * its key. An in-flight record older than {@link #ABANDONED} belongs to a node that died mid-request and is taken
 * over too, so a crash does not block the key for a day.
 */
@Repository
class IdempotencyStore {

    static final String ABANDONED = "2 minutes";

    private final JdbcClient jdbc;

    IdempotencyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True if this request now owns the key: the single INSERT (or takeover) decides among concurrent requests. */
    boolean claim(String keyId, String key, byte[] fingerprint) {
        return jdbc.sql("""
                INSERT INTO gateway.idempotency_keys AS k (key_id, idempotency_key, fingerprint, state, created_at)
                VALUES (:keyId, :key, :fingerprint, 'in_flight', now())
                ON CONFLICT (key_id, idempotency_key) DO UPDATE
                SET fingerprint = excluded.fingerprint, state = 'in_flight', status = NULL, content_type = NULL,
                    sealed_body = NULL, created_at = now()
                WHERE k.created_at < now() - interval '24 hours'
                   OR (k.state = 'in_flight' AND k.created_at < now() - interval '%s')
                RETURNING 1
                """.formatted(ABANDONED))
                .param("keyId", keyId).param("key", key).param("fingerprint", fingerprint)
                .query(Integer.class).optional().isPresent();
    }

    Optional<Recorded> find(String keyId, String key) {
        return jdbc.sql("SELECT * FROM gateway.idempotency_keys WHERE key_id = ? AND idempotency_key = ?")
                .params(keyId, key)
                .query((rs, row) -> new Recorded(rs.getBytes("fingerprint"), rs.getString("state").equals("done"),
                        rs.getInt("status"), rs.getString("content_type"), rs.getBytes("sealed_body"),
                        rs.getTimestamp("created_at").toInstant()))
                .optional();
    }

    void complete(String keyId, String key, int status, String contentType, byte[] sealedBody) {
        jdbc.sql("""
                UPDATE gateway.idempotency_keys SET state = 'done', status = ?, content_type = ?, sealed_body = ?
                WHERE key_id = ? AND idempotency_key = ?
                """).params(status, contentType, sealedBody, keyId, key).update();
    }

    /** Forgets a key whose request failed on our side, so that the client's retry runs again. */
    void release(String keyId, String key) {
        jdbc.sql("DELETE FROM gateway.idempotency_keys "
                        + "WHERE key_id = ? AND idempotency_key = ? AND state = 'in_flight'")
                .params(keyId, key).update();
    }

    /** Drops this API key's expired records; called after a request, so the table holds about a day per key. */
    void purgeExpired(String keyId) {
        jdbc.sql("DELETE FROM gateway.idempotency_keys WHERE key_id = ? AND created_at < now() - interval '24 hours'")
                .param(keyId).update();
    }

    record Recorded(byte[] fingerprint, boolean done, int status, String contentType, byte[] sealedBody,
                    Instant createdAt) {
    }
}
