package com.narvark.otp.webhooks;

import com.narvark.otp.api.webhook.FindWebhookDeliveriesQuery;
import com.narvark.otp.api.webhook.WebhookAttemptView;
import com.narvark.otp.api.webhook.WebhookDeliveryStatus;
import com.narvark.otp.api.webhook.WebhookDeliveryView;
import com.narvark.otp.api.webhook.WebhookEventType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads deliveries, newest first, with their attempts; a page holds one row more than asked to tell has_more. */
@Repository
class DeliveryLogReader {

    private final JdbcClient jdbc;

    DeliveryLogReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<WebhookDeliveryView> page(FindWebhookDeliveriesQuery query) {
        StringBuilder sql = new StringBuilder(
                "SELECT * FROM otp_webhooks.webhook_deliveries WHERE account_id = ? AND livemode = ?");
        List<Object> params = new ArrayList<>(List.of(query.accountId(), query.livemode()));
        if (query.endpointId() != null) {
            sql.append(" AND endpoint_id = ?");
            params.add(query.endpointId());
        }
        if (query.type() != null) {
            sql.append(" AND type = ?");
            params.add(query.type().wireName());
        }
        if (query.status() != null) {
            sql.append(" AND status = ?");
            params.add(query.status().wireName());
        }
        if (query.startingAfter() != null) {
            sql.append(" AND seq < (SELECT seq FROM otp_webhooks.webhook_deliveries"
                    + " WHERE delivery_id = ? AND account_id = ? AND livemode = ?)");
            params.addAll(List.of(query.startingAfter(), query.accountId(), query.livemode()));
        }
        sql.append(" ORDER BY seq DESC LIMIT ?");
        params.add(query.limit() + 1);
        return withAttempts(jdbc.sql(sql.toString()).params(params).query(this::row).list());
    }

    Optional<WebhookDeliveryView> one(String deliveryId) {
        return withAttempts(jdbc.sql("SELECT * FROM otp_webhooks.webhook_deliveries WHERE delivery_id = ?")
                .param(deliveryId).query(this::row).list()).stream().findFirst();
    }

    private List<WebhookDeliveryView> withAttempts(List<WebhookDeliveryView> deliveries) {
        if (deliveries.isEmpty()) {
            return deliveries;
        }
        Map<String, List<WebhookAttemptView>> attempts = new HashMap<>();
        jdbc.sql("SELECT * FROM otp_webhooks.webhook_attempts WHERE delivery_id = ANY (?) ORDER BY attempted_at")
                .param(deliveries.stream().map(WebhookDeliveryView::deliveryId).toArray(String[]::new))
                .query((rs, row) -> attempts.computeIfAbsent(rs.getString("delivery_id"), id -> new ArrayList<>())
                        .add(new WebhookAttemptView(rs.getTimestamp("attempted_at").toInstant(),
                                (Integer) rs.getObject("http_status"), rs.getLong("latency_ms"),
                                rs.getString("error"))))
                .list();
        return deliveries.stream().map(d -> new WebhookDeliveryView(d.deliveryId(), d.endpointId(), d.eventId(),
                d.type(), d.otpId(), d.status(), d.nextAttemptAt(), d.createdAt(),
                attempts.getOrDefault(d.deliveryId(), List.of()))).toList();
    }

    private WebhookDeliveryView row(ResultSet rs, int row) throws SQLException {
        WebhookDeliveryStatus status = WebhookDeliveryStatus.fromWireName(rs.getString("status")).orElseThrow();
        return new WebhookDeliveryView(rs.getString("delivery_id"), rs.getString("endpoint_id"),
                rs.getString("event_id"), WebhookEventType.fromWireName(rs.getString("type")).orElseThrow(),
                rs.getString("otp_id"), status,
                status == WebhookDeliveryStatus.PENDING ? rs.getTimestamp("next_attempt_at").toInstant() : null,
                rs.getTimestamp("created_at").toInstant(), List.of());
    }
}
