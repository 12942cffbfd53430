package com.narvark.otp.webhooks;

import com.narvark.otp.api.webhook.FindWebhookDeliveriesQuery;
import com.narvark.otp.api.webhook.RedeliverWebhookCommand;
import com.narvark.otp.api.webhook.WebhookDeliveryPage;
import com.narvark.otp.api.webhook.WebhookErrorCode;
import com.narvark.otp.api.webhook.WebhookDeliveryView;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The event log (every delivery with its attempts) and manual redelivery. */
@Component
class DeliveryLog {

    private final JdbcClient jdbc;
    private final DeliveryLogReader reader;
    private final Clock clock;

    DeliveryLog(JdbcClient jdbc, DeliveryLogReader reader, Clock clock) {
        this.jdbc = jdbc;
        this.reader = reader;
        this.clock = clock;
    }

    @QueryHandler
    WebhookDeliveryPage handle(FindWebhookDeliveriesQuery query) {
        List<WebhookDeliveryView> rows = reader.page(query);
        boolean hasMore = rows.size() > query.limit();
        return new WebhookDeliveryPage(hasMore ? rows.subList(0, query.limit()) : rows, hasMore);
    }

    /**
     * Queues the delivery for an immediate attempt with a fresh retry schedule, whatever its state; the event id
     * stays the same, so receivers deduplicating by id see a redelivery as the same event. Answers null if unknown.
     */
    @CommandHandler
    WebhookDeliveryView handle(RedeliverWebhookCommand command) {
        Optional<Boolean> endpointEnabled = jdbc.sql("""
                SELECT e.enabled FROM otp_webhooks.webhook_deliveries d
                JOIN otp_webhooks.webhook_endpoints e ON e.endpoint_id = d.endpoint_id
                WHERE d.delivery_id = ? AND d.account_id = ? AND d.livemode = ?
                """)
                .params(command.deliveryId(), command.accountId(), command.livemode()).query(Boolean.class)
                .optional();
        if (endpointEnabled.isEmpty()) {
            return null;
        }
        if (!endpointEnabled.get()) {
            throw new CommandExecutionException("endpoint disabled", null, WebhookErrorCode.ENDPOINT_DISABLED);
        }
        jdbc.sql("""
                UPDATE otp_webhooks.webhook_deliveries SET status = 'pending', attempt_count = 0, next_attempt_at = ?
                WHERE delivery_id = ?
                """)
                .params(Timestamp.from(clock.instant()), command.deliveryId()).update();
        return reader.one(command.deliveryId()).orElseThrow();
    }
}
