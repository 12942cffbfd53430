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
 * Writes an event and one pending delivery per subscribed endpoint. Called inside the webhook processor's
 * transaction, so the rows commit with its token; the inserts ignore duplicates, so reprocessing changes nothing.
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

    List<String> subscribedEndpoints(OtpFacts otp, WebhookEventType type) {
        return jdbc.sql("""
                SELECT endpoint_id FROM webhook_endpoints
                WHERE account_id = ? AND livemode = ? AND enabled AND (cardinality(events) = 0 OR ? = ANY (events))
                ORDER BY created_at
                """)
                .params(otp.accountId(), otp.livemode(), type.wireName()).query(String.class).list();
    }

    void add(String eventId, WebhookEventType type, OtpFacts otp, byte[] payload, Instant occurredAt,
             List<String> endpointIds) {
        jdbc.sql("""
                INSERT INTO webhook_events (event_id, type, otp_id, payload, created_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (event_id) DO NOTHING
                """)
                .params(eventId, type.wireName(), otp.otpId(), payload, Timestamp.from(occurredAt)).update();
        Timestamp now = Timestamp.from(clock.instant());
        for (String endpointId : endpointIds) {
            jdbc.sql("""
                    INSERT INTO webhook_deliveries (delivery_id, endpoint_id, event_id, account_id, livemode, type,
                        otp_id, status, attempt_count, next_attempt_at, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?) ON CONFLICT (event_id, endpoint_id) DO NOTHING
                    """)
                    .params("whd_" + RandomIds.base32(random, 26), endpointId, eventId, otp.accountId(),
                            otp.livemode(), type.wireName(), otp.otpId(), now, now)
                    .update();
        }
    }
}
