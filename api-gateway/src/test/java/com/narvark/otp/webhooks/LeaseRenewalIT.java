package com.narvark.otp.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.NarvarkApplication;
import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.GatewayIntegrationTest;
import com.narvark.gateway.support.WebhookReceiver;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
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
 * The outbox's claims and their leases. A claim takes an endpoint's due deliveries while the webhook projection is
 * writing new ones for it. Leases are short and renewed while a batch runs: a sender renews only the lease it set
 * (never one another node took over, and a batch taken over stops), and a dead node's leased deliveries are sent by
 * the others as soon as its lease ends. Lives in the sender's package to drive its queue directly. Other test
 * contexts on the same database run senders too, so the receiver refuses (503) until the test holds the row itself,
 * and "sent once after the lease" counts any node.
 */
@SpringBootTest(classes = NarvarkApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LeaseRenewalIT extends GatewayIntegrationTest {

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
    private String key;

    @BeforeEach
    void endpointWithOnePendingDelivery() {
        receiver = new WebhookReceiver();
        receiver.answer(n -> WebhookReceiver.Answer.status(503));
        key = newAccount().test();
        Api.Response endpoint = api.post("/v1/webhook_endpoints", key,
                Api.json(Map.of("url", receiver.url("/hooks"), "events", List.of("otp.dispatched"))));
        endpointId = endpoint.text("id");
        sender.stop();
        assertThat(api.post("/v1/otp/send", key, Api.json(Map.of("to", "lease@example.com", "channel", "email")))
                .status()).isEqualTo(200);
        await(() -> pending() > 0, Duration.ofSeconds(15));
    }

    @AfterEach
    void senderBack() {
        sender.start();
        receiver.close();
    }

    /** Claims until this test holds its endpoint's row (another context's sender may hold it for a moment). */
    private List<ClaimedDelivery> claimOurs(Instant lease) {
        return await(() -> {
            List<ClaimedDelivery> claimed = queue.claim(Instant.now(), lease, 1000, List.of());
            List<ClaimedDelivery> others = claimed.stream().filter(d -> !d.endpointId().equals(endpointId)).toList();
            queue.release(others, Instant.now());
            List<ClaimedDelivery> mine = claimed.stream().filter(d -> d.endpointId().equals(endpointId)).toList();
            return mine.isEmpty() ? null : mine;
        }, Duration.ofSeconds(15));
    }

    /**
     * The projection's open transaction holds the foreign key's {@code FOR KEY SHARE} lock on the endpoint row; a
     * claim that locked that row {@code FOR UPDATE … SKIP LOCKED} skipped the endpoint as long as any such transaction
     * was open, which under load was most of the time (the fault suite saw 22 s without a single post).
     */
    @Test
    void shouldClaimAnEndpointWhileANewDeliveryOfItIsBeingWritten() throws Exception {
        try (Connection projection = dataSource.getConnection()) {
            projection.setAutoCommit(false);
            writeUncommittedDelivery(projection);
            List<ClaimedDelivery> mine = claimOurs(Instant.now().plusSeconds(30).truncatedTo(ChronoUnit.MICROS));
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
        String accountId = jdbc.sql("SELECT account_id FROM otp_webhooks.webhook_endpoints WHERE endpoint_id = ?")
                .param(endpointId).query(String.class).single();
        String eventId = "evt_claimbeside" + System.nanoTime();
        try (PreparedStatement event = projection.prepareStatement("INSERT INTO otp_webhooks.webhook_events "
                + "(event_id, type, otp_id, payload, created_at) VALUES (?, 'otp.dispatched', 'otp_x', ?, now())")) {
            event.setString(1, eventId);
            event.setBytes(2, "{}".getBytes(StandardCharsets.UTF_8));
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

    @Test
    void shouldRenewOnlyTheLeaseItStillHoldsWhenABatchRunsLong() {
        Instant lease = Instant.now().plusSeconds(30).truncatedTo(ChronoUnit.MICROS);
        List<ClaimedDelivery> mine = claimOurs(lease);
        try {
            Instant renewed = lease.plusSeconds(30);
            assertThat(queue.renew(mine, lease, renewed)).hasSameSizeAs(mine);
            assertThat(leasedUntil()).isEqualTo(renewed);
            // The lease is no longer the one first set (as after another node's claim): nothing is renewed.
            assertThat(queue.renew(mine, lease, renewed.plusSeconds(30))).isEmpty();
            assertThat(leasedUntil()).isEqualTo(renewed);
        } finally {
            queue.release(mine, Instant.now());
        }
    }

    /** The keeper renews what a running batch holds, a post in flight included, and stops a batch taken over. */
    @Test
    void shouldKeepARunningBatchsLeaseUntilAnotherNodeTakesItOver() {
        Instant lease = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MICROS);
        List<ClaimedDelivery> mine = claimOurs(lease);
        LeaseKeeper keeper = new LeaseKeeper(queue, Duration.ofSeconds(30), Clock.systemUTC());
        HeldBatch batch = keeper.hold(mine, lease);
        try {
            keeper.renewAll();
            assertThat(leasedUntil()).isAfter(lease.plusSeconds(20));
            assertThat(batch.next(Instant.now())).isEqualTo(mine.get(0));

            // Its post just got recorded, not yet advanced past: the renewal still counts the batch as held.
            jdbc.sql("UPDATE otp_webhooks.webhook_deliveries SET status = 'succeeded' WHERE delivery_id = ?")
                    .param(mine.get(0).deliveryId()).update();
            keeper.renewAll();
            assertThat(batch.next(Instant.now())).isEqualTo(mine.get(0));
            jdbc.sql("UPDATE otp_webhooks.webhook_deliveries SET status = 'pending' WHERE delivery_id = ?")
                    .param(mine.get(0).deliveryId()).update();

            // Another node's claim set its own lease: this batch is lost and sends nothing more.
            jdbc.sql("UPDATE otp_webhooks.webhook_deliveries "
                    + "SET next_attempt_at = next_attempt_at + interval '1 second' "
                    + "WHERE endpoint_id = ? AND status = 'pending'").param(endpointId).update();
            keeper.renewAll();
            assertThat(batch.next(Instant.now())).isNull();
        } finally {
            keeper.letGo(batch);
            queue.release(mine, Instant.now());
        }
    }

    @Test
    void shouldSendADeadNodesDeliveriesOnceWhenItsLeaseEnds() {
        // A node claims the batch and dies: nothing releases it, its lease of 3 s simply runs out.
        Instant leaseEnds = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MICROS);
        claimOurs(leaseEnds);
        receiver.answer(n -> WebhookReceiver.Answer.status(200));
        sender.start();
        List<WebhookReceiver.Received> received = await(() -> receiver.accepted().isEmpty() ? null
                : receiver.accepted(), Duration.ofSeconds(15));
        assertThat(received.get(0).at()).isAfterOrEqualTo(leaseEnds);
        await(() -> pending() == 0, Duration.ofSeconds(15));
        assertThat(receiver.accepted()).hasSize(1);
    }

    private long pending() {
        return jdbc.sql("SELECT count(*) FROM otp_webhooks.webhook_deliveries "
                        + "WHERE endpoint_id = ? AND status = 'pending'")
                .param(endpointId).query(Long.class).single();
    }

    private Instant leasedUntil() {
        return jdbc.sql("SELECT next_attempt_at FROM otp_webhooks.webhook_deliveries "
                        + "WHERE endpoint_id = ? AND status = 'pending'")
                .param(endpointId).query(Timestamp.class).single().toInstant();
    }
}
