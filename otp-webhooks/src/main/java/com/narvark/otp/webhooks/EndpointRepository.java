package com.narvark.otp.webhooks;

import com.narvark.otp.api.webhook.WebhookEndpointView;
import com.narvark.otp.api.webhook.WebhookEventType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code webhook_endpoints} table. Views read from it never carry a secret. */
@Repository
class EndpointRepository {

    private final JdbcClient jdbc;

    EndpointRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String endpointId, String accountId, boolean livemode, String url, Set<WebhookEventType> events,
                byte[] secretCiphertext, Instant createdAt) {
        jdbc.sql("""
                INSERT INTO otp_webhooks.webhook_endpoints (endpoint_id, account_id, livemode, url, events,
                    secret_ciphertext, enabled, created_at)
                VALUES (?, ?, ?, ?, ?, ?, TRUE, ?)
                """)
                .params(endpointId, accountId, livemode, url, events.stream().map(WebhookEventType::wireName)
                        .toArray(String[]::new), secretCiphertext, Timestamp.from(createdAt))
                .update();
    }

    int count(String accountId, boolean livemode) {
        return jdbc.sql("SELECT count(*) FROM otp_webhooks.webhook_endpoints WHERE account_id = ? AND livemode = ?")
                .params(accountId, livemode).query(Integer.class).single();
    }

    /** The enabled endpoints of an account and environment with the event types each takes, oldest first. */
    List<EndpointSubscriptions.Subscription> enabledSubscriptions(String accountId, boolean livemode) {
        return List.copyOf(jdbc.sql("""
                SELECT endpoint_id, events FROM otp_webhooks.webhook_endpoints
                WHERE account_id = ? AND livemode = ? AND enabled ORDER BY created_at, endpoint_id
                """)
                .params(accountId, livemode)
                .query((rs, row) -> new EndpointSubscriptions.Subscription(rs.getString("endpoint_id"),
                        Set.copyOf(Arrays.asList((String[]) rs.getArray("events").getArray()))))
                .list()); // shared by the processor's threads once cached
    }

    List<WebhookEndpointView> list(String accountId, boolean livemode) {
        return jdbc.sql("SELECT * FROM otp_webhooks.webhook_endpoints WHERE account_id = ? AND livemode = ? "
                        + "ORDER BY created_at")
                .params(accountId, livemode).query(this::view).list();
    }

    Optional<WebhookEndpointView> find(String endpointId, String accountId, boolean livemode) {
        return jdbc.sql("SELECT * FROM otp_webhooks.webhook_endpoints "
                        + "WHERE endpoint_id = ? AND account_id = ? AND livemode = ?")
                .params(endpointId, accountId, livemode).query(this::view).optional();
    }

    boolean delete(String endpointId, String accountId, boolean livemode) {
        return jdbc.sql("DELETE FROM otp_webhooks.webhook_endpoints "
                        + "WHERE endpoint_id = ? AND account_id = ? AND livemode = ?")
                .params(endpointId, accountId, livemode).update() == 1;
    }

    /** The current secret becomes the previous one, signing alongside the new one until {@code previousUntil}. */
    boolean rotate(String endpointId, String accountId, boolean livemode, byte[] newSecretCiphertext,
                   Instant previousUntil) {
        return jdbc.sql("""
                UPDATE otp_webhooks.webhook_endpoints
                SET previous_secret_ciphertext = secret_ciphertext, secret_ciphertext = ?,
                    previous_secret_expires_at = ?
                WHERE endpoint_id = ? AND account_id = ? AND livemode = ?
                """)
                .params(newSecretCiphertext, Timestamp.from(previousUntil), endpointId, accountId, livemode)
                .update() == 1;
    }

    private WebhookEndpointView view(ResultSet rs, int row) throws SQLException {
        Set<WebhookEventType> events = EnumSet.noneOf(WebhookEventType.class);
        Arrays.stream((String[]) rs.getArray("events").getArray())
                .forEach(name -> WebhookEventType.fromWireName(name).ifPresent(events::add));
        Timestamp previousUntil = rs.getTimestamp("previous_secret_expires_at");
        return new WebhookEndpointView(rs.getString("endpoint_id"), rs.getBoolean("livemode"), rs.getString("url"),
                events, rs.getBoolean("enabled"), rs.getString("disabled_reason"),
                rs.getTimestamp("created_at").toInstant(), null,
                previousUntil == null ? null : previousUntil.toInstant());
    }
}
