package com.narvark.otp.webhooks;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sender's side of the outbox. Claiming locks due rows with {@code FOR NO KEY UPDATE … SKIP LOCKED} (nodes never
 * wait for each other) and leases them by moving {@code next_attempt_at} past the lease, so no other node sends them
 * meanwhile and a node that dies mid-post frees them when the lease ends. The endpoint row is locked too, but never
 * {@code FOR UPDATE}: every transaction of the webhook projection that adds a delivery holds a {@code FOR KEY SHARE}
 * lock on its endpoint (the foreign key's check) until it commits, {@code FOR UPDATE} conflicts with it, and
 * {@code SKIP LOCKED} then skipped the endpoint. The busier the endpoint, the less it was sent: under 30 OTPs/s the
 * sender managed 40 webhooks/s of the 90 due, and while the projection caught up after a kill it sent nothing for
 * 22 s (fault suite). {@code FOR NO KEY UPDATE} still excludes another node's claim of the same endpoint. A pending
 * delivery is not due while an older pending delivery of its endpoint waits for a retry or is in flight: the sender
 * posts a claimed batch in order (each OTP's events one after another, see {@link WebhookSender}), and an endpoint's
 * backlog waits behind its own failures only, never in front of other endpoints' deliveries.
 */
@Repository
class DeliveryQueue {

    private final JdbcClient jdbc;
    private final EndpointSubscriptions subscriptions;

    DeliveryQueue(JdbcClient jdbc, EndpointSubscriptions subscriptions) {
        this.jdbc = jdbc;
        this.subscriptions = subscriptions;
    }

    /** Claims due deliveries in order, none of the {@code skippedAccounts} (their sender threads are all busy). */
    List<ClaimedDelivery> claim(Instant now, Instant leaseUntil, int limit, List<String> skippedAccounts) {
        Timestamp at = Timestamp.from(now);
        return jdbc.sql("""
                WITH due AS (
                    SELECT d.delivery_id FROM otp_webhooks.webhook_deliveries d
                    JOIN otp_webhooks.webhook_endpoints e ON e.endpoint_id = d.endpoint_id
                    WHERE d.status = 'pending' AND d.next_attempt_at <= ? AND e.enabled
                      AND NOT (e.account_id = ANY (?))
                      AND NOT EXISTS (SELECT 1 FROM otp_webhooks.webhook_deliveries older
                                      WHERE older.endpoint_id = d.endpoint_id AND older.status = 'pending'
                                        AND older.seq < d.seq AND older.next_attempt_at > ?)
                    ORDER BY d.seq LIMIT ?
                    FOR NO KEY UPDATE OF d, e SKIP LOCKED),
                claimed AS (
                    UPDATE otp_webhooks.webhook_deliveries d SET next_attempt_at = ? FROM due
                    WHERE d.delivery_id = due.delivery_id
                    RETURNING d.seq, d.delivery_id, d.endpoint_id, d.otp_id, d.event_id, d.attempt_count)
                SELECT c.*, e.account_id, e.url, ev.payload, e.secret_ciphertext, e.previous_secret_ciphertext,
                       e.previous_secret_expires_at
                FROM claimed c JOIN otp_webhooks.webhook_endpoints e ON e.endpoint_id = c.endpoint_id
                JOIN otp_webhooks.webhook_events ev ON ev.event_id = c.event_id
                ORDER BY c.seq
                """)
                .params(at, skippedAccounts.toArray(String[]::new), at, limit, Timestamp.from(leaseUntil))
                .query((rs, row) -> {
                    Timestamp previousUntil = rs.getTimestamp("previous_secret_expires_at");
                    return new ClaimedDelivery(rs.getLong("seq"), rs.getString("delivery_id"),
                            rs.getString("endpoint_id"), rs.getString("account_id"), rs.getString("otp_id"),
                            rs.getString("event_id"), rs.getInt("attempt_count"), rs.getString("url"),
                            rs.getBytes("payload"),
                            rs.getBytes("secret_ciphertext"), rs.getBytes("previous_secret_ciphertext"),
                            previousUntil == null ? null : previousUntil.toInstant());
                })
                .list();
    }

    /**
     * Successes as one statement, no transaction around it: a success is the sender's most frequent write, and an
     * endpoint's webhooks go one after another, so each commit was on every webhook's path ({@link Successes} groups
     * them). The endpoint row is written only when it was failing, so a healthy endpoint's row is not rewritten (and
     * locked) for every group. Deliveries before the endpoint, as in the other updates here. Written again after a
     * commit whose answer was lost, it changes nothing.
     */
    void succeeded(List<Successes.Success> successes) {
        jdbc.sql("""
                WITH done AS (
                    UPDATE otp_webhooks.webhook_deliveries SET status = 'succeeded', attempt_count = attempt_count + 1
                    WHERE delivery_id = ANY (?) AND status <> 'succeeded' RETURNING delivery_id, endpoint_id),
                attempt AS (
                    INSERT INTO otp_webhooks.webhook_attempts
                        (delivery_id, attempted_at, http_status, latency_ms, error)
                    SELECT a.delivery_id, a.attempted_at, a.http_status, a.latency_ms, NULL
                    FROM unnest(?::text[], ?::timestamptz[], ?::int[], ?::bigint[])
                         AS a (delivery_id, attempted_at, http_status, latency_ms)
                    JOIN done ON done.delivery_id = a.delivery_id)
                UPDATE otp_webhooks.webhook_endpoints e SET failing_since = NULL
                WHERE e.endpoint_id IN (SELECT endpoint_id FROM done) AND e.failing_since IS NOT NULL
                """)
                .params(column(successes, s -> s.delivery().deliveryId()),
                        column(successes, s -> s.delivery().deliveryId()),
                        column(successes, s -> s.attemptedAt().toString()),
                        column(successes, s -> String.valueOf(s.result().httpStatus())),
                        column(successes, s -> Long.toString(s.result().latencyMillis())))
                .update();
    }

    private static String[] column(List<Successes.Success> successes, Function<Successes.Success, String> value) {
        return successes.stream().map(value).toArray(String[]::new);
    }

    /** Records a failed attempt; {@code retryAt} null gives up. Answers since when the endpoint has been failing. */
    @Transactional
    Instant failed(ClaimedDelivery delivery, PostResult result, Instant attemptedAt, Instant retryAt) {
        recordAttempt(delivery, result, attemptedAt);
        jdbc.sql("""
                UPDATE otp_webhooks.webhook_deliveries SET attempt_count = attempt_count + 1,
                    status = CASE WHEN ?::timestamptz IS NULL THEN 'failed' ELSE 'pending' END,
                    next_attempt_at = COALESCE(?::timestamptz, next_attempt_at)
                WHERE delivery_id = ? AND status = 'pending'
                """)
                .params(ts(retryAt), ts(retryAt), delivery.deliveryId()).update();
        return jdbc.sql("""
                UPDATE otp_webhooks.webhook_endpoints SET failing_since = COALESCE(failing_since, ?)
                WHERE endpoint_id = ?
                RETURNING failing_since
                """)
                .params(Timestamp.from(attemptedAt), delivery.endpointId()).query(Timestamp.class).optional()
                .map(Timestamp::toInstant).orElse(attemptedAt);
    }

    /**
     * Disables an endpoint; its pending deliveries can no longer be sent and are marked failed. Deliveries are
     * locked before the endpoint, in the same order as the other updates here, so they cannot deadlock.
     */
    @Transactional
    void disable(String endpointId, String reason) {
        jdbc.sql("UPDATE otp_webhooks.webhook_deliveries SET status = 'failed' "
                        + "WHERE endpoint_id = ? AND status = 'pending'")
                .param(endpointId).update();
        jdbc.sql("UPDATE otp_webhooks.webhook_endpoints SET enabled = FALSE, disabled_reason = ? WHERE endpoint_id = ? "
                        + "RETURNING account_id")
                .params(reason, endpointId).query(String.class).optional().ifPresent(subscriptions::changedHere);
    }

    /**
     * Extends the lease of deliveries this sender still holds (their lease is still the one it set: no other node
     * has claimed them since) and answers those it still holds, in order. Whatever their status: the one being
     * posted may have been recorded a moment ago, and it still counts as held, so that a renewal racing that record
     * does not take the batch for lost. Renewed while a batch runs, the lease can stay short: a node that dies frees
     * its deliveries within one lease.
     */
    List<ClaimedDelivery> renew(List<ClaimedDelivery> deliveries, Instant heldUntil, Instant leaseUntil) {
        List<String> renewed = jdbc.sql("""
                UPDATE otp_webhooks.webhook_deliveries SET next_attempt_at = ?
                WHERE delivery_id = ANY (?) AND next_attempt_at = ?
                RETURNING delivery_id
                """)
                .params(Timestamp.from(leaseUntil), deliveries.stream().map(ClaimedDelivery::deliveryId)
                        .toArray(String[]::new), Timestamp.from(heldUntil))
                .query(String.class).list();
        return deliveries.stream().filter(d -> renewed.contains(d.deliveryId())).toList();
    }

    /** Gives back deliveries claimed but not attempted (shutdown, or an earlier one of the endpoint failed). */
    void release(List<ClaimedDelivery> deliveries, Instant now) {
        if (deliveries.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE otp_webhooks.webhook_deliveries SET next_attempt_at = ? "
                        + "WHERE delivery_id = ANY (?) AND status = 'pending'")
                .params(Timestamp.from(now), deliveries.stream().map(ClaimedDelivery::deliveryId)
                        .toArray(String[]::new))
                .update();
    }

    private void recordAttempt(ClaimedDelivery delivery, PostResult result, Instant attemptedAt) {
        jdbc.sql("""
                INSERT INTO otp_webhooks.webhook_attempts (delivery_id, attempted_at, http_status, latency_ms, error)
                SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM otp_webhooks.webhook_deliveries WHERE delivery_id = ?)
                """)
                .params(delivery.deliveryId(), Timestamp.from(attemptedAt), result.httpStatus(),
                        result.latencyMillis(), result.error(), delivery.deliveryId())
                .update();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
