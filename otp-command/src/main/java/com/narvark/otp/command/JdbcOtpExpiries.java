package com.narvark.otp.command;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code otp_expiries} table. Schedule and remove run on the caller's transaction-bound connection, one
 * statement each ({@link OtpExpiryRows} calls them in the command's transaction); a claim is one statement of its
 * own that commits at once, so the row is leased before its expire command is sent, and that command's transaction
 * is never held open by the poller.
 */
final class JdbcOtpExpiries implements OtpExpiries {

    private final JdbcClient jdbc;

    JdbcOtpExpiries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void schedule(String otpId, Instant expiresAt) {
        // An upsert: the poller puts a row that fell due early back to its OTP's expiry. (A retried send, which
        // derives the same OTP id, never gets here: the event store refuses its events before the rows follow them.)
        jdbc.sql("""
                        INSERT INTO otp_command.otp_expiries (otp_id, expires_at) VALUES (?, ?)
                        ON CONFLICT (otp_id) DO UPDATE SET expires_at = EXCLUDED.expires_at
                        """)
                .params(otpId, Timestamp.from(expiresAt)).update();
    }

    @Override
    public void remove(String otpId) {
        jdbc.sql("DELETE FROM otp_command.otp_expiries WHERE otp_id = ?").param(otpId).update();
    }

    @Override
    public List<String> claimDue(Instant now, Instant leaseUntil, int limit) {
        return jdbc.sql("""
                        UPDATE otp_command.otp_expiries SET expires_at = ?
                        WHERE otp_id IN (SELECT otp_id FROM otp_command.otp_expiries WHERE expires_at <= ?
                                         ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED)
                        RETURNING otp_id
                        """)
                .params(Timestamp.from(leaseUntil), Timestamp.from(now), limit).query(String.class).list();
    }
}
