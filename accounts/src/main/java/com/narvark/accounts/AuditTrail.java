package com.narvark.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who did what to which request, account or key, and when ({@code portal_audit}): the portal's decisions and the
 * admin API's actions, listed on the operator page. Never holds a key, a code or a token.
 */
@Component
public class AuditTrail {

    /** The action of a console sign-in code that went out; its detail is the OTP id. */
    private static final String SIGN_IN_CODE_SENT = "sign_in_code_sent";

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String actor, String action, String subject, String detail) {
        jdbc.sql("INSERT INTO accounts.portal_audit (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)")
                .params(Timestamp.from(clock.instant()), actor, action, subject, detail).update();
    }

    /** Newest first. */
    public List<Entry> recent(int limit) {
        return jdbc.sql("SELECT at, actor, action, subject, detail FROM accounts.portal_audit "
                        + "ORDER BY audit_id DESC LIMIT ?")
                .param(limit)
                .query((rs, row) -> new Entry(rs.getTimestamp("at").toInstant().toString(), rs.getString("actor"),
                        rs.getString("action"), rs.getString("subject"), rs.getString("detail")))
                .list();
    }

    public record Entry(String at, String actor, String action, String subject, String detail) {
    }

    /** Records that the console sign-in code under {@code otpId} went out to the member's {@code email}. */
    public void signInCodeSent(String email, String accountId, String otpId) {
        record(email, SIGN_IN_CODE_SENT, accountId, otpId);
    }

    /** Whether the code under {@code otpId} went out to {@code email}; no code, nothing to verify. */
    public boolean wasSignInCodeSent(String email, String otpId) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM accounts.portal_audit WHERE actor = ? AND action = ? AND detail = ?)
                """).params(email, SIGN_IN_CODE_SENT, otpId).query(Boolean.class).single();
    }

    /** Sign-in codes that went out to {@code email} after {@code since}. */
    public long signInCodesSentSince(String email, Instant since) {
        return jdbc.sql("SELECT count(*) FROM accounts.portal_audit WHERE actor = ? AND action = ? AND at > ?")
                .params(email, SIGN_IN_CODE_SENT, Timestamp.from(since)).query(Long.class).single();
    }
}
