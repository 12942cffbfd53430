package com.narvark.otp.webhooks;

import com.narvark.otp.api.RandomIds;
import com.narvark.otp.api.webhook.WebhookEventType;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes an event and one pending delivery per subscribed endpoint, in one statement whatever the number of
 * endpoints. Called inside the webhook processor's transaction, so the rows commit with its token; the inserts
 * ignore duplicates, so reprocessing changes nothing.
 */
@Repository
class Outbox {

    private final JdbcClient jdbc;
    private final SecureRandom random;
    private final Clock clock;

    Outbox(JdbcClient jdbc, SecureRandom random, Clock clock) {
        this.jdbc = jdbc;
        this.random = random;
        this.clock = clock;
    }

    /**
     * The endpoint list comes from a cache, so each endpoint is checked again here, in the same statement: one
     * deleted or disabled a moment ago gets no row (rather than a foreign key failure that would stall the processor).
     */
    void add(String eventId, WebhookEventType type, OtpFacts otp, byte[] payload, Instant occurredAt,
             List<String> endpointIds) {
        Timestamp now = Timestamp.from(clock.instant());
        String[] deliveryIds = endpointIds.stream().map(ignored -> "whd_" + RandomIds.base32(random, 26))
                .toArray(String[]::new);
        jdbc.sql("""
                WITH event AS (
                    INSERT INTO otp_webhooks.webhook_events (event_id, type, otp_id, payload, created_at)
                    VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (event_id) DO NOTHING)
                INSERT INTO otp_webhooks.webhook_deliveries (delivery_id, endpoint_id, event_id, account_id, livemode,
                    type, otp_id, status, attempt_count, next_attempt_at, created_at)

                SELECT wanted.delivery_id, e.endpoint_id, ?, ?, ?, ?, ?, 'pending', 0, ?, ?
                FROM unnest(?::varchar[], ?::varchar[]) WITH ORDINALITY AS wanted (endpoint_id, delivery_id, position)
                JOIN otp_webhooks.webhook_endpoints e ON e.endpoint_id = wanted.endpoint_id AND e.enabled
                ORDER BY wanted.position
                ON CONFLICT (event_id, endpoint_id) DO NOTHING
                """)
                .params(eventId, type.wireName(), otp.otpId(), payload, Timestamp.from(occurredAt),
                        eventId, otp.accountId(), otp.livemode(), type.wireName(), otp.otpId(), now, now,
                        endpointIds.toArray(String[]::new), deliveryIds)
                .update();
    }
}
