package com.narvark.otp.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.narvark.otp.api.crypto.SecretCipher;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * A post the receiver took is written down even when the database fails for a moment (a PostgreSQL restart): the
 * write is tried again within one timeout instead of leaving the delivery leased and the endpoint's queue waiting
 * for the lease to end. A real receiver on loopback; the outbox is a stand-in whose writes fail on cue.
 */
class DeliveryAttemptRecordingTest {

    private static final SenderSettings SETTINGS = new SenderSettings(true, Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(30), 4, 2, 100, Duration.ofDays(5), 4);

    private final SecretCipher cipher = new SecretCipher(new byte[32], new SecureRandom());
    private final AtomicInteger posts = new AtomicInteger();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private HttpServer receiver;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        receiver.setExecutor(Executors.newCachedThreadPool());
        receiver.createContext("/hooks", exchange -> {
            exchange.getRequestBody().readAllBytes();
            posts.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void shouldRecordTheSuccessOnceWhenTheFirstWritesFail() {
        FlakyOutbox outbox = new FlakyOutbox(2);
        DeliveryAttempt attempt = attempt(outbox);
        Successes successes = attempt.successes(new HeldBatch(List.of(delivery()), Instant.now().plusSeconds(30)));

        boolean taken = attempt.record(attempt.post(delivery()), successes);
        successes.flush();

        assertThat(taken).isTrue();
        assertThat(posts).hasValue(1);
        assertThat(outbox.writes).hasValue(3);
        assertThat(outbox.recorded).hasValue(1);
        assertThat(registry.get("narvark.webhook.attempts").tag("outcome", "succeeded").counter().count())
                .isEqualTo(1);
    }

    @Test
    void shouldGiveUpAfterOneTimeoutWhenTheDatabaseStaysAway() {
        FlakyOutbox outbox = new FlakyOutbox(Integer.MAX_VALUE);

        DeliveryAttempt attempt = attempt(outbox);
        Successes successes = attempt.successes(new HeldBatch(List.of(delivery()), Instant.now().plusSeconds(30)));
        assertThat(attempt.record(attempt.post(delivery()), successes)).isTrue();

        assertThatThrownBy(successes::flush).isInstanceOf(DataAccessResourceFailureException.class);

        // Tries 250 ms apart within the 2 s timeout: at most 2000 / 250 + 1, however slow the machine.
        assertThat(outbox.writes.get()).isBetween(2, 9);
        assertThat(posts).hasValue(1);
        assertThat(outbox.recorded).hasValue(0);
    }

    private DeliveryAttempt attempt(DeliveryQueue outbox) {
        NetworkGuard loopback = new NetworkGuard(List.of(Cidr.parse("127.0.0.0/8")));
        WebhookMetrics metrics = new WebhookMetrics(null, registry, Clock.systemUTC(), Duration.ofSeconds(10));
        return new DeliveryAttempt(outbox, loopback, new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(12), 17),
                SETTINGS, cipher, new SecureRandom(), Clock.systemUTC(), metrics);
    }

    private ClaimedDelivery delivery() {
        return new ClaimedDelivery(1, "we_1", "whe_1", "acct_1", "otp_1", "evt_1", 0,
                "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks",
                "{\"type\":\"otp.sent\"}".getBytes(StandardCharsets.UTF_8), cipher.encrypt("whsec_test", "whe_1"),
                null, null);
    }

    /** Fails its first {@code failures} writes of a success as a dropped connection does, then records. */
    private static final class FlakyOutbox extends DeliveryQueue {

        private final int failures;
        final AtomicInteger writes = new AtomicInteger();
        final AtomicInteger recorded = new AtomicInteger();

        FlakyOutbox(int failures) {
            super(null, null);
            this.failures = failures;
        }

        @Override
        void succeeded(List<Successes.Success> successes) {
            if (writes.incrementAndGet() <= failures) {
                throw new DataAccessResourceFailureException("connection refused");
            }
            recorded.addAndGet(successes.size());
        }
    }
}
