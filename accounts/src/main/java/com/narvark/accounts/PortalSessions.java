package com.narvark.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Signed-in portal browsers and sign-ins waiting for their emailed code ({@code portal_sessions}), by the browser's
 * cookie. Only the cookie's SHA-256 is stored: the cookie itself is never stored or logged.
 */
@Repository
public class PortalSessions {

    private final JdbcClient jdbc;
    private final Clock clock;

    PortalSessions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** {@code kind}: operator, member or pending; {@code pendingOtpId} only for a pending sign-in. */
    public record PortalSession(String kind, String actor, String accountId, String pendingOtpId) {
    }

    /** The unexpired session of the browser holding this cookie. */
    public Optional<PortalSession> find(String cookie) {
        return jdbc.sql("""
                        SELECT kind, actor, account_id, pending_otp_id FROM accounts.portal_sessions
                        WHERE session_hash = ? AND expires_at > ?
                        """)
                .params(ApiKeys.hash(cookie), Timestamp.from(clock.instant()))
                .query((rs, row) -> new PortalSession(rs.getString("kind"), rs.getString("actor"),
                        rs.getString("account_id"), rs.getString("pending_otp_id")))
                .optional();
    }

    /** Stores the session under a fresh cookie (never one the browser had before: no fixation). */
    public void start(String cookie, PortalSession session, Duration lifetime) {
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO accounts.portal_sessions (session_hash, kind, actor, account_id, pending_otp_id, created_at,
                                             expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
                .params(ApiKeys.hash(cookie), session.kind(), session.actor(), session.accountId(),
                        session.pendingOtpId(), Timestamp.from(now), Timestamp.from(now.plus(lifetime)))
                .update();
    }

    /** Ends the session of this cookie, if any. */
    public void end(String cookie) {
        jdbc.sql("DELETE FROM accounts.portal_sessions WHERE session_hash = ?").param(ApiKeys.hash(cookie)).update();
    }

    /** Removes every expired session (of any browser). */
    public void forgetExpired() {
        jdbc.sql("DELETE FROM accounts.portal_sessions WHERE expires_at < ?").param(Timestamp.from(clock.instant()))
                .update();
    }
}
