package com.narvark.otp.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A lane posts one endpoint's batch in waves: several deliveries at once, never two of one OTP, each OTP's in order;
 * the first wave is one delivery, so a dead endpoint is tried with its oldest only. The outbox and the posts are
 * stand-ins that record what the sender did; the receiver "takes" a post after a short pause, so that posts of one
 * wave overlap when they run in parallel.
 */
class WebhookWavesTest {

    private static final SenderSettings SETTINGS = new SenderSettings(true, Duration.ofHours(1), Duration.ofSeconds(10),
            Duration.ofSeconds(30), 4, 2, 100, Duration.ofDays(5), 4);

    private final List<String> started = Collections.synchronizedList(new ArrayList<>());
    private final List<String> recorded = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> inFlightOtps = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private volatile boolean endpointDown;
    private volatile boolean sameOtpOverlapped;
    private WebhookSender sender;

    @AfterEach
    void stop() {
        sender.stop();
    }

    @Test
    void shouldPostSeveralOtpsAtOnceAndEachOtpsEventsInOrder() throws InterruptedException {
        // 10 OTPs with 3 events each, interleaved as the outbox orders them: otp_0 e0, otp_1 e0, … otp_0 e1, …
        List<ClaimedDelivery> batch = new ArrayList<>();
        for (int event = 0; event < 3; event++) {
            for (int otp = 0; otp < 10; otp++) {
                batch.add(delivery(batch.size(), "otp_" + otp, event));
            }
        }
        runOnce(batch);

        awaitRecorded(30);
        assertThat(recorded).hasSize(30);
        assertThat(mostInFlight.get()).isGreaterThan(1).isLessThanOrEqualTo(SETTINGS.postsInFlight());
        assertThat(sameOtpOverlapped).isFalse();
        Map<String, List<String>> byOtp = new HashMap<>();
        started.forEach(id -> byOtp.computeIfAbsent(otpOf(id), o -> new ArrayList<>()).add(id));
        byOtp.forEach((otp, ids) -> assertThat(ids).containsExactly(otp + "/0", otp + "/1", otp + "/2"));
    }

    @Test
    void shouldTryADeadEndpointWithItsOldestDeliveryOnly() throws InterruptedException {
        endpointDown = true;
        List<ClaimedDelivery> batch = new ArrayList<>();
        for (int otp = 0; otp < 8; otp++) {
            batch.add(delivery(otp, "otp_" + otp, 0));
        }
        runOnce(batch);

        awaitRecorded(1);
        Thread.sleep(200);
        assertThat(started).containsExactly("otp_0/0");
    }

    private void runOnce(List<ClaimedDelivery> batch) {
        Outbox outbox = new Outbox(batch);
        sender = new WebhookSender(outbox, new Posting(), SETTINGS, Clock.systemUTC());
        sender.start();
        sender.poll();
    }

    private void awaitRecorded(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (recorded.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private static ClaimedDelivery delivery(int seq, String otpId, int event) {
        return new ClaimedDelivery(seq, otpId + "/" + event, "whe_1", "acct_1", otpId, "evt_" + seq, 0,
                "http://127.0.0.1/hooks", new byte[0], new byte[0], null, null);
    }

    private static String otpOf(String deliveryId) {
        return deliveryId.substring(0, deliveryId.indexOf('/'));
    }

    /** Hands out its batch once; records nothing (the posting stand-in does). */
    private static final class Outbox extends DeliveryQueue {

        private List<ClaimedDelivery> batch;

        Outbox(List<ClaimedDelivery> batch) {
            super(null, null);
            this.batch = batch;
        }

        @Override
        synchronized List<ClaimedDelivery> claim(Instant now, Instant leaseUntil, int limit, List<String> skipped) {
            List<ClaimedDelivery> claimed = batch;
            batch = List.of();
            return claimed;
        }

        @Override
        void release(List<ClaimedDelivery> deliveries, Instant now) {
        }
    }

    private final class Posting extends DeliveryAttempt {

        Posting() {
            super(null, null, null, SETTINGS, null, null, Clock.systemUTC(), null);
        }

        @Override
        Posted post(ClaimedDelivery delivery) {
            started.add(delivery.deliveryId());
            if (!inFlightOtps.add(delivery.otpId())) {
                sameOtpOverlapped = true;
            }
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            inFlightOtps.remove(delivery.otpId());
            return new Posted(delivery, endpointDown ? new PostResult(null, null, "connection refused", 1)
                    : new PostResult(204, null, null, 20), Instant.now());
        }

        @Override
        boolean record(Posted post, Successes successes) {
            recorded.add(post.delivery().deliveryId());
            return post.succeeded();
        }
    }
}
