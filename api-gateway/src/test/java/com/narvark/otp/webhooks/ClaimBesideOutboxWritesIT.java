package com.narvark.otp.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.NarvarkApplication;
import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.GatewayIntegrationTest;
import com.narvark.gateway.support.WebhookReceiver;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sender claims an endpoint's due deliveries while the webhook projection is writing new ones for it. The
 * projection's open transaction holds the foreign key's {@code FOR KEY SHARE} lock on the endpoint row; a claim that
 * locked that row {@code FOR UPDATE … SKIP LOCKED} skipped the endpoint as long as any such transaction was open,
 * which under load was most of the time (the fault suite saw 22 s without a single post). Lives in the sender's
 * package to drive its queue directly. Other test contexts on the same database run senders too, so the receiver
 * refuses (503) and the claim retries until it holds this test's delivery.
 */
@SpringBootTest(classes = NarvarkApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClaimBesideOutboxWritesIT extends GatewayIntegrationTest {

    @Autowired
    private DeliveryQueue queue;
    @Autowired
    private WebhookSender sender;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private DataSource dataSource;
    private WebhookReceiver receiver;
    private String endpointId;
    private String accountId;

    @BeforeEach
    void endpointWithOnePendingDelivery() {
        receiver = new WebhookReceiver();
        receiver.answer(n -> WebhookReceiver.Answer.status(503));
        String key = newAccount().test();
        Api.Response endpoint = api.post("/v1/webhook_endpoints", key,
                Api.json(Map.of("url", receiver.url("/hooks"), "events", List.of("otp.dispatched"))));
        endpointId = endpoint.text("id");
        accountId = jdbc.sql("SELECT account_id FROM otp_webhooks.webhook_endpoints WHERE endpoint_id = ?")
                .param(endpointId).query(String.class).single();
        sender.stop();
        assertThat(api.post("/v1/otp/send", key, Api.json(Map.of("to", "claim@example.com", "channel", "email")))
                .status()).isEqualTo(200);
        await(() -> jdbc.sql("SELECT count(*) FROM otp_webhooks.webhook_deliveries "
                        + "WHERE endpoint_id = ? AND status = 'pending'")
                .param(endpointId).query(Long.class).single() > 0, Duration.ofSeconds(15));
    }

    @AfterEach
    void senderBack() {
        sender.start();
        receiver.close();
    }

    @Test
    void shouldClaimAnEndpointWhileANewDeliveryOfItIsBeingWritten() throws Exception {
        try (Connection projection = dataSource.getConnection()) {
            projection.setAutoCommit(false);
            writeUncommittedDelivery(projection);

            Instant lease = Instant.now().plusSeconds(30).truncatedTo(ChronoUnit.MICROS);
            List<ClaimedDelivery> mine = await(() -> {
                List<ClaimedDelivery> claimed = queue.claim(Instant.now(), lease, 1000, List.of());
                List<ClaimedDelivery> others = claimed.stream().filter(d -> !d.endpointId().equals(endpointId))
                        .toList();
                queue.release(others, Instant.now());
                List<ClaimedDelivery> ours = claimed.stream().filter(d -> d.endpointId().equals(endpointId)).toList();
                return ours.isEmpty() ? null : ours;
            }, Duration.ofSeconds(5));
            try {
                assertThat(mine).hasSize(1);
            } finally {
                queue.release(mine, Instant.now());
                projection.rollback();
            }
        }
    }

    /** What the projection's transaction does for an event: the event, and its delivery to this endpoint. */
    private void writeUncommittedDelivery(Connection projection) throws Exception {
        String eventId = "evt_claimbeside" + System.nanoTime();
        try (PreparedStatement event = projection.prepareStatement("INSERT INTO otp_webhooks.webhook_events "
                + "(event_id, type, otp_id, payload, created_at) VALUES (?, 'otp.dispatched', 'otp_x', ?, now())")) {
            event.setString(1, eventId);
            event.setBytes(2, "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            event.executeUpdate();
        }
        try (PreparedStatement delivery = projection.prepareStatement("INSERT INTO otp_webhooks.webhook_deliveries "
                + "(delivery_id, endpoint_id, event_id, account_id, livemode, type, otp_id, status, attempt_count, "
                + "next_attempt_at, created_at) VALUES (?, ?, ?, ?, FALSE, 'otp.dispatched', 'otp_x', 'pending', 0, "
                + "now(), now())")) {
            delivery.setString(1, "whd_claimbeside" + System.nanoTime());
            delivery.setString(2, endpointId);
            delivery.setString(3, eventId);
            delivery.setString(4, accountId);
            delivery.executeUpdate();
        }
    }
}
