package com.narvark.otp.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One endpoint's backlog drains batch after batch, not one batch per poll interval. The outbox is a stand-in that
 * behaves as the SQL claim does for one endpoint: nothing more of it is due while a claimed batch is unsent. The
 * poll interval is an hour, so only the sender's own "claim again" can send past the first batch.
 */
class WebhookSenderBacklogTest {

    private static final SenderSettings SETTINGS = new SenderSettings(true, Duration.ofHours(1), Duration.ofSeconds(10),
            Duration.ofSeconds(30), 4, 2, 100, Duration.ofDays(5), 4);

    private final Outbox outbox = new Outbox(250);
    private final List<String> posted = Collections.synchronizedList(new ArrayList<>());
    private final WebhookSender sender = new WebhookSender(outbox, new Posting(outbox, posted), SETTINGS,
            Clock.systemUTC());

    @AfterEach
    void stop() {
        sender.stop();
    }

    @Test
    void shouldClaimTheNextBatchAtOnceWhenAFullBatchWasSent() throws InterruptedException {
        sender.start();

        sender.poll();

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (posted.size() < 250 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(posted).hasSize(250);
        assertThat(posted.get(0)).isEqualTo("dlv_0");
        assertThat(posted.get(249)).isEqualTo("dlv_249");
    }

    /** The claim's rule for one endpoint: the next deliveries are due only once the claimed ones are sent. */
    private static final class Outbox extends DeliveryQueue {

        private final Deque<ClaimedDelivery> pending = new ArrayDeque<>();
        private int unsent;

        Outbox(int deliveries) {
            super(null, null);
            for (int i = 0; i < deliveries; i++) {
                pending.add(new ClaimedDelivery(i, "dlv_" + i, "whe_1", "acct_1", "otp_" + i / 3, "evt_" + i, 0,
                        "http://127.0.0.1/hooks", new byte[0], new byte[0], null, null));
            }
        }

        @Override
        synchronized List<ClaimedDelivery> claim(Instant now, Instant leaseUntil, int limit, List<String> skipped) {
            List<ClaimedDelivery> batch = new ArrayList<>();
            while (unsent == 0 && batch.size() < limit && !pending.isEmpty()) {
                batch.add(pending.poll());
            }
            unsent += batch.size();
            return batch;
        }

        synchronized void sent() {
            unsent--;
        }
    }

    private static final class Posting extends DeliveryAttempt {

        private final Outbox outbox;
        private final List<String> posted;

        Posting(Outbox outbox, List<String> posted) {
            super(outbox, null, null, SETTINGS, null, null, Clock.systemUTC(), null);
            this.outbox = outbox;
            this.posted = posted;
        }

        @Override
        Posted post(ClaimedDelivery delivery) {
            return new Posted(delivery, new PostResult(204, null, null, 1), Instant.now());
        }

        @Override
        boolean record(Posted post, Successes successes) {
            posted.add(post.delivery().deliveryId());
            outbox.sent();
            return true;
        }
    }
}
