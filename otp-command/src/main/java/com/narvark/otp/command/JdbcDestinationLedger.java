package com.narvark.otp.command;

import com.narvark.otp.api.Destination;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ledger in PostgreSQL, shared by every node. Destinations are stored only as HMAC-SHA256 under the code pepper,
 * bound to the account; a transaction-scoped advisory lock on that hash serialises the count-then-admit of one
 * destination (a lock of its own statement: a statement's snapshot is taken before it could wait on the lock, so the
 * count must come after it). Each write prunes, in the same statement, the destination's rows that have left every
 * window.
 */
final class JdbcDestinationLedger implements DestinationLedger {

    private final JdbcClient jdbc;
    private final SecretKeySpec pepper;
    private final Duration retention;

    JdbcDestinationLedger(JdbcClient jdbc, byte[] pepper, Duration retention) {
        this.jdbc = jdbc;
        this.pepper = new SecretKeySpec(pepper.clone(), "HmacSHA256");
        this.retention = retention;
    }

    @Override
    public List<Instant> holdSends(String accountId, Destination to, Instant since) {
        byte[] hash = fingerprint(accountId, to);
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(ByteBuffer.wrap(hash).getLong()).query().singleRow();
        return times("SELECT sent_at FROM otp_command.guard_destination_sends "
                + "WHERE destination_hash = ? AND sent_at >= ? ORDER BY sent_at", hash, since);
    }

    @Override
    public void recordSend(String otpId, String accountId, Destination to, Instant at) {
        byte[] hash = fingerprint(accountId, to);
        // An idempotent retry derives the same OTP id: the event store's unique key refuses its second OTP at commit,
        // and the caller is answered the first. Failing here first would answer 500 to every such retry.
        // One statement: the prune runs as a data-modifying CTE (always executed, referenced or not).
        jdbc.sql("""
                WITH pruned AS (
                    DELETE FROM otp_command.guard_destination_sends WHERE destination_hash = ? AND sent_at < ?)
                INSERT INTO otp_command.guard_destination_sends (otp_id, destination_hash, sent_at)
                VALUES (?, ?, ?) ON CONFLICT (otp_id) DO NOTHING
                """)
                .params(hash, Timestamp.from(at.minus(retention)), otpId, hash, Timestamp.from(at)).update();
    }

    @Override
    public List<Instant> failures(String accountId, Destination to, Instant since) {
        return times("SELECT failed_at FROM otp_command.guard_destination_failures "
                + "WHERE destination_hash = ? AND failed_at >= ? ORDER BY failed_at",
                fingerprint(accountId, to), since);

    }

    @Override
    public void recordFailure(String accountId, Destination to, Instant at) {
        byte[] hash = fingerprint(accountId, to);
        jdbc.sql("""
                WITH pruned AS (
                    DELETE FROM otp_command.guard_destination_failures WHERE destination_hash = ? AND failed_at < ?)
                INSERT INTO otp_command.guard_destination_failures (destination_hash, failed_at) VALUES (?, ?)
                """)
                .params(hash, Timestamp.from(at.minus(retention)), hash, Timestamp.from(at)).update();
    }

    private List<Instant> times(String sql, byte[] hash, Instant since) {
        return jdbc.sql(sql).params(hash, Timestamp.from(since))
                .query((rs, row) -> rs.getTimestamp(1).toInstant()).list();
    }

    private byte[] fingerprint(String accountId, Destination to) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(pepper);
            mac.update("destination-guard".getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(accountId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(to.value().getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
