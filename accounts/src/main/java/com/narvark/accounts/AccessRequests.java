package com.narvark.accounts;

import com.narvark.otp.api.RandomIds;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code access_requests} table. A request's client is kept only as a keyed hash of its network (an IPv4
 * address or an IPv6 /64, see {@link ClientNetworks}): enough to limit per client, not to tell who it was.
 */
@Repository
public class AccessRequests {

    private final JdbcClient jdbc;
    private final SecureRandom random;
    private final Clock clock;
    private final String pepper;

    AccessRequests(JdbcClient jdbc, SecureRandom random, Clock clock,
                   @Value("${narvark.security.code-pepper}") String pepper) {
        this.jdbc = jdbc;
        this.random = random;
        this.clock = clock;
        this.pepper = pepper;
    }

    /** Records a validated request from the client at {@code remoteAddress}; answers its id. */
    public String submit(NewAccessRequest request, String remoteAddress) {
        String id = "req_" + RandomIds.base32(random, 26);
        jdbc.sql("""
                INSERT INTO accounts.access_requests (request_id, name, company, email, monthly_volume, channels,
                                                      use_case, client_ip_hash, created_at)
                VALUES (?, ?, ?, ?, ?, ?::text[], ?, ?, ?)
                """)
                .params(id, request.name(), request.company(), request.email(), request.volume(),
                        "{" + String.join(",", request.channels()) + "}", request.useCase(), client(remoteAddress),
                        Timestamp.from(clock.instant()))
                .update();
        return id;
    }

    /** Requests within the window and when the oldest of them leaves it (whole seconds, at least 1). */
    public record Recent(long count, long secondsUntilOldestLeaves) {
    }

    /** Requests from the client at this address (its address or /64 network) within the window. */
    public Recent recentFrom(String remoteAddress, Duration window) {
        return recent("client_ip_hash = ? AND ", new Object[] {client(remoteAddress)}, window);
    }

    /** Requests from anyone within the window: the global ceiling, whatever the number of addresses. */
    public Recent recentFromAnyone(Duration window) {
        return recent("", new Object[0], window);
    }

    private byte[] client(String remoteAddress) {
        return ApiKeys.hash(pepper + ":" + ClientNetworks.of(remoteAddress));
    }

    private Recent recent(String filter, Object[] params, Duration window) {
        Instant now = clock.instant();
        Object[] all = Arrays.copyOf(params, params.length + 1);
        all[params.length] = Timestamp.from(now.minus(window));
        return jdbc.sql("SELECT count(*) AS n, min(created_at) AS oldest FROM accounts.access_requests WHERE " + filter
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

    /** Newest first. */
    public List<AccessRequest> withStatus(String status, int limit) {
        return jdbc.sql("SELECT * FROM accounts.access_requests WHERE status = ? ORDER BY created_at DESC LIMIT ?")
                .params(status, limit).query(AccessRequests::map).list();
    }

    /** An approved request's live key that still waits for the operator to enable it. */
    public record LiveKeyAwaitingReview(String company, String email, String keyId, String keyHint) {
    }

    /** Inactive, unrevoked live keys of approved requests, most recently approved first. */
    public List<LiveKeyAwaitingReview> liveKeysAwaitingReview(int limit) {
        return jdbc.sql("""
                SELECT r.company, r.email, k.key_id, k.key_hint FROM accounts.access_requests r
                JOIN accounts.api_keys k
                  ON k.account_id = r.account_id AND k.livemode AND NOT k.active AND k.revoked_at IS NULL
                WHERE r.status = 'approved' ORDER BY r.decided_at DESC LIMIT ?
                """).param(limit)
                .query((rs, row) -> new LiveKeyAwaitingReview(rs.getString("company"), rs.getString("email"),
                        rs.getString("key_id"), rs.getString("key_hint")))
                .list();
    }

    /** Moves a pending request to its decision exactly once; empty if it was not pending (any more). */
    Optional<AccessRequest> decide(String requestId, String status, String actor, String reason, String accountId) {
        return jdbc.sql("""
                UPDATE accounts.access_requests
                SET status = ?, decided_at = ?, decided_by = ?, reason = ?, account_id = ?
                WHERE request_id = ? AND status = 'pending' RETURNING *
                """)
                .params(status, Timestamp.from(clock.instant()), actor, reason, accountId, requestId)
                .query(AccessRequests::map).optional();
    }

    Optional<AccessRequest> pending(String requestId) {
        return jdbc.sql("SELECT * FROM accounts.access_requests WHERE request_id = ? AND status = 'pending' FOR UPDATE")
                .param(requestId).query(AccessRequests::map).optional();
    }

    private static AccessRequest map(ResultSet rs, int row) throws SQLException {
        Array channels = rs.getArray("channels");
        return new AccessRequest(rs.getString("request_id"), rs.getString("name"), rs.getString("company"),
                rs.getString("email"), rs.getString("monthly_volume"),
                Arrays.asList((String[]) channels.getArray()), rs.getString("use_case"), rs.getString("status"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("account_id"));
    }
}
