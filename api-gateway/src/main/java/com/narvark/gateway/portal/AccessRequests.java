package com.narvark.gateway.portal;

import com.narvark.otp.api.RandomIds;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code access_requests} table. */
@Repository
class AccessRequests {

    private final JdbcClient jdbc;
    private final SecureRandom random;
    private final Clock clock;

    AccessRequests(JdbcClient jdbc, SecureRandom random, Clock clock) {
        this.jdbc = jdbc;
        this.random = random;
        this.clock = clock;
    }

    record AccessRequest(String requestId, String name, String company, String email, String volume,
                         List<String> channels, String useCase, String status, Instant createdAt,
                         String accountId) {
    }

    String insert(AccessRequestForm form, byte[] clientHash) {
        String id = "req_" + RandomIds.base32(random, 26);
        jdbc.sql("""
                INSERT INTO access_requests (request_id, name, company, email, monthly_volume, channels, use_case,
                                             client_ip_hash, created_at)
                VALUES (?, ?, ?, ?, ?, ?::text[], ?, ?, ?)
                """)
                .params(id, form.name(), form.company(), form.email(), form.volume(),
                        "{" + String.join(",", form.channels()) + "}", form.useCase(), clientHash,
                        Timestamp.from(clock.instant()))
                .update();
        return id;
    }

    /** Requests within the window and when the oldest of them leaves it (whole seconds, at least 1). */
    record Recent(long count, long secondsUntilOldestLeaves) {
    }

    /** Requests from one client (the hash of its address or /64 network) within the window. */
    Recent recentFrom(byte[] clientHash, Duration window) {
        return recent("client_ip_hash = ? AND ", new Object[] {clientHash}, window);
    }

    /** Requests from anyone within the window: the global ceiling, whatever the number of addresses. */
    Recent recentFromAnyone(Duration window) {
        return recent("", new Object[0], window);
    }

    private Recent recent(String filter, Object[] params, Duration window) {
        Instant now = clock.instant();
        Object[] all = Arrays.copyOf(params, params.length + 1);
        all[params.length] = Timestamp.from(now.minus(window));
        return jdbc.sql("SELECT count(*) AS n, min(created_at) AS oldest FROM access_requests WHERE " + filter
                        + "created_at > ?")
                .params(all)
                .query((rs, row) -> {
                    Timestamp oldest = rs.getTimestamp("oldest");
                    long seconds = oldest == null ? 1
                            : Duration.between(now, oldest.toInstant().plus(window)).toSeconds() + 1;
                    return new Recent(rs.getLong("n"), Math.max(1, seconds));
                })
                .single();
    }

    List<AccessRequest> withStatus(String status, int limit) {
        return jdbc.sql("SELECT * FROM access_requests WHERE status = ? ORDER BY created_at DESC LIMIT ?")
                .params(status, limit).query(AccessRequests::map).list();
    }

    /** Moves a pending request to its decision exactly once; empty if it was not pending (any more). */
    Optional<AccessRequest> decide(String requestId, String status, String actor, String reason, String accountId) {
        return jdbc.sql("""
                UPDATE access_requests SET status = ?, decided_at = ?, decided_by = ?, reason = ?, account_id = ?
                WHERE request_id = ? AND status = 'pending' RETURNING *
                """)
                .params(status, Timestamp.from(clock.instant()), actor, reason, accountId, requestId)
                .query(AccessRequests::map).optional();
    }

    Optional<AccessRequest> pending(String requestId) {
        return jdbc.sql("SELECT * FROM access_requests WHERE request_id = ? AND status = 'pending' FOR UPDATE")
                .param(requestId).query(AccessRequests::map).optional();
    }

    private static AccessRequest map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Array channels = rs.getArray("channels");
        return new AccessRequest(rs.getString("request_id"), rs.getString("name"), rs.getString("company"),
                rs.getString("email"), rs.getString("monthly_volume"),
                Arrays.asList((String[]) channels.getArray()), rs.getString("use_case"), rs.getString("status"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("account_id"));
    }
}
