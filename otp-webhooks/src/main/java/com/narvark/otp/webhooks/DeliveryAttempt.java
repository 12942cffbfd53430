package com.narvark.otp.webhooks;

import com.narvark.otp.api.crypto.SecretCipher;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One attempt at one claimed delivery: sign, post, record the outcome. Only 2xx succeeds; 410 disables the
 * endpoint; anything else is retried on the schedule until it gives up, and an endpoint failing without a success
 * for longer than {@code disableAfter} is disabled.
 *
 * <p>The outcome of a post that happened is written until it sticks, for up to one timeout: a database restart
 * between the post and its record would otherwise leave the delivery leased and unrecorded, and every later
 * delivery of the endpoint waiting behind it until the lease ends (30 s of silence per PostgreSQL restart, measured by
 * the fault suite). The lease still covers that long: it is renewed while the batch runs.
 */
@Component
class DeliveryAttempt {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryAttempt.class);
    private static final long STORE_RETRY_MILLIS = 250;

    private final DeliveryQueue queue;
    private final PinnedHttpPoster poster;
    private final RetrySchedule schedule;
    private final SenderSettings settings;
    private final SecretCipher cipher;
    private final SecureRandom random;
    private final Clock clock;
    private final WebhookMetrics metrics;

    DeliveryAttempt(DeliveryQueue queue, NetworkGuard guard, RetrySchedule schedule, SenderSettings settings,
                    SecretCipher cipher, SecureRandom random, Clock clock, WebhookMetrics metrics) {
        this.queue = queue;
        this.poster = new PinnedHttpPoster(guard, settings.timeout(), clock);
        this.schedule = schedule;
        this.settings = settings;
        this.cipher = cipher;
        this.random = random;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** A lane's record of successes, written in groups until it sticks (see {@link #untilStored}). */
    Successes successes(HeldBatch batch) {
        return new Successes(batch, group -> untilStored(() -> queue.succeeded(group)));
    }

    /** One post and what came of it, not yet recorded. */
    record Posted(ClaimedDelivery delivery, PostResult result, Instant attemptedAt) {

        boolean succeeded() {
            return result.succeeded();
        }
    }

    /** Signs and posts; safe on any thread (the sender posts several of an endpoint's deliveries at once). */
    Posted post(ClaimedDelivery delivery) {
        Instant attemptedAt = clock.instant();
        byte[] body = delivery.payload();
        List<String> secrets = signingSecrets(delivery, attemptedAt);
        long timestamp = attemptedAt.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Narvark-Signature", WebhookSigner.narvarkSignature(secrets, body));
        headers.put("webhook-id", delivery.eventId());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", WebhookSigner.standardSignature(secrets, delivery.eventId(), timestamp,
                body));
        return new Posted(delivery, poster.post(delivery.url(), headers, body), attemptedAt);
    }

    /**
     * Records a post's outcome, on the lane's thread.
     *
     * @param successes where a success goes, to be written with others; written out before a failure is, so that a
     *                  success never clears an endpoint's failing state after a later failure set it
     * @return whether the receiver took it (2xx)
     */
    boolean record(Posted posted, Successes successes) {
        ClaimedDelivery delivery = posted.delivery();
        PostResult result = posted.result();
        Instant attemptedAt = posted.attemptedAt();
        if (result.succeeded()) {
            successes.add(new Successes.Success(delivery, result, attemptedAt));
            metrics.attempted("succeeded");
            return true;
        }
        successes.flush();
        LOG.info("webhook {} to {} failed: {}", delivery.deliveryId(), delivery.endpointId(),
                result.httpStatus() != null ? "HTTP " + result.httpStatus() : result.error());
        if (Integer.valueOf(410).equals(result.httpStatus())) {
            untilStored(() -> queue.failed(delivery, result, attemptedAt, null));
            untilStored(() -> queue.disable(delivery.endpointId(), "the endpoint answered 410 Gone"));
            metrics.attempted("gone");
            return false;
        }
        int failedAttempts = delivery.attemptCount() + 1;
        Instant retryAt = schedule.exhausted(failedAttempts) ? null
                : clock.instant().plus(schedule.delay(failedAttempts, result.retryAfter(), random));
        Instant failingSince = untilStored(() -> queue.failed(delivery, result, attemptedAt, retryAt));
        metrics.attempted(retryAt == null ? "failed" : "retrying");
        if (!failingSince.plus(settings.disableAfter()).isAfter(attemptedAt)) {
            untilStored(() -> queue.disable(delivery.endpointId(),
                    "every attempt failed for " + readable(settings.disableAfter())));
        }
        return false;
    }

    private void untilStored(Runnable write) {
        untilStored(() -> {
            write.run();
            return null;
        });
    }

    /** Tries the write every {@value #STORE_RETRY_MILLIS} ms until it works or one timeout has passed, then throws. */
    private <T> T untilStored(Supplier<T> write) {
        long giveUpAt = System.nanoTime() + settings.timeout().toNanos();
        for (int tries = 1; ; tries++) {
            try {
                return write.get();
            } catch (RuntimeException e) {
                if (System.nanoTime() + STORE_RETRY_MILLIS * 1_000_000 - giveUpAt > 0) {
                    throw e;
                }
                LOG.warn("could not record a webhook attempt (try {}): {}; trying again", tries, e.toString());
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(STORE_RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording a webhook attempt", e);
        }
    }

    private static String readable(Duration duration) {
        return duration.toDays() > 0 ? duration.toDays() + " days" : duration.toSeconds() + " seconds";
    }

    /** The current secret, and during a rotation's overlap the previous one too. */
    private List<String> signingSecrets(ClaimedDelivery delivery, Instant now) {
        List<String> secrets = new ArrayList<>();
        secrets.add(cipher.decrypt(delivery.secretCiphertext(), delivery.endpointId()));
        if (delivery.previousSecretCiphertext() != null && delivery.previousSecretExpiresAt() != null
                && delivery.previousSecretExpiresAt().isAfter(now)) {
            secrets.add(cipher.decrypt(delivery.previousSecretCiphertext(), delivery.endpointId()));
        }
        return secrets;
    }
}
