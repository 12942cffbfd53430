package com.narvark.otp.webhooks;

import com.narvark.otp.api.FailureReason;
import com.narvark.otp.api.RandomIds;
import com.narvark.otp.api.event.OtpCancelledEvent;
import com.narvark.otp.api.event.OtpDeliveredEvent;
import com.narvark.otp.api.event.OtpDeliveryUnconfirmedEvent;
import com.narvark.otp.api.event.OtpDispatchedEvent;
import com.narvark.otp.api.event.OtpExpiredEvent;
import com.narvark.otp.api.event.OtpFailedEvent;
import com.narvark.otp.api.event.OtpLockedEvent;
import com.narvark.otp.api.event.OtpReadEvent;
import com.narvark.otp.api.event.OtpRequestedEvent;
import com.narvark.otp.api.event.OtpVerifiedEvent;
import com.narvark.otp.api.webhook.WebhookEventType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * Turns lifecycle events into outbox rows, in the processor's transaction (rows and token commit together). Its
 * processor starts at the head of the stream, so a new endpoint never receives history, and it never acts on
 * replays. The public event id derives from the stored event's id, so a reprocessed event maps to the same row.
 */
@Component
@ProcessingGroup(WebhookProjection.PROCESSING_GROUP)
class WebhookProjection {

    static final String PROCESSING_GROUP = "otp-webhooks";

    private final OtpFactsRepository otps;
    private final EndpointSubscriptions subscriptions;
    private final Outbox outbox;

    WebhookProjection(OtpFactsRepository otps, EndpointSubscriptions subscriptions, Outbox outbox) {
        this.otps = otps;
        this.subscriptions = subscriptions;
        this.outbox = outbox;
    }

    @EventHandler
    @DisallowReplay
    void on(OtpRequestedEvent event) {
        otps.save(event);
    }

    @EventHandler
    @DisallowReplay
    void on(OtpDispatchedEvent e, EventMessage<?> message) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("attempt", e.attempt());
        details.put("parts", e.partsOrOne());
        details.put("encoding", e.encoding());
        publish(message, WebhookEventType.DISPATCHED, e.otpId(), e.dispatchedAt(), e.channel().wireName(), details);
    }

    @EventHandler
    @DisallowReplay
    void on(OtpDeliveredEvent e, EventMessage<?> message) {
        publish(message, WebhookEventType.DELIVERED, e.otpId(), e.deliveredAt(), e.channel().wireName(),
                Map.of("attempt", e.attempt()));
    }

    @EventHandler
    @DisallowReplay
    void on(OtpReadEvent e, EventMessage<?> message) {
        publish(message, WebhookEventType.READ, e.otpId(), e.readAt(), e.channel().wireName(),
                Map.of("attempt", e.attempt()));
    }

    /** Tells the customer the carrier confirmed nothing in time (offer a resend, say); the code still verifies. */
    @EventHandler
    @DisallowReplay
    void on(OtpDeliveryUnconfirmedEvent e, EventMessage<?> message) {
        publish(message, WebhookEventType.DELIVERY_UNCONFIRMED, e.otpId(), e.unconfirmedAt(), e.channel().wireName(),
                Map.of("attempt", e.attempt()));
    }

    @EventHandler
    @DisallowReplay
    void on(OtpVerifiedEvent e, EventMessage<?> message) {
        publish(message, WebhookEventType.VERIFIED, e.otpId(), e.verifiedAt(), null,
                Map.of("attempts_used", e.attemptsUsed()));
    }

    @EventHandler
    @DisallowReplay
    void on(OtpExpiredEvent e, EventMessage<?> message) {
        publish(message, WebhookEventType.EXPIRED, e.otpId(), e.expiredAt(), null, Map.of());
    }

    @EventHandler
    @DisallowReplay
    void on(OtpFailedEvent e, EventMessage<?> message) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", e.reason() == null ? "" : e.reason());
        details.put("failure_reason", FailureReason.ofStored(e.reason()).wireName());
        details.put("carrier_error", FailureReason.carrierErrorOfStored(e.carrierError(), e.reason()));
        publish(message, WebhookEventType.FAILED, e.otpId(), e.failedAt(), null, details);
    }

    @EventHandler
    @DisallowReplay
    void on(OtpLockedEvent e, EventMessage<?> message) {
        publish(message, WebhookEventType.LOCKED, e.otpId(), e.lockedAt(), null, Map.of());
    }

    @EventHandler
    @DisallowReplay
    void on(OtpCancelledEvent e, EventMessage<?> message) {
        publish(message, WebhookEventType.CANCELLED, e.otpId(), e.cancelledAt(), null, Map.of());
    }

    /** Both lookups are cached: in the steady state an event costs one insert, or nothing when no endpoint takes it. */
    private void publish(EventMessage<?> message, WebhookEventType type, String otpId, Instant occurredAt,
                         String channel, Map<String, Object> details) {
        OtpFacts otp = otps.find(otpId)
                .orElseThrow(() -> new IllegalStateException("no OtpRequestedEvent for " + otpId));
        List<String> endpoints = subscriptions.of(otp, type);
        if (endpoints.isEmpty()) {
            return;
        }
        String eventId = eventId(message.getIdentifier());
        outbox.add(eventId, type, otp, WebhookPayloads.build(eventId, type, occurredAt, otp, channel, details),
                occurredAt, endpoints);
    }

    /** {@code evt_} and 26 base-32 characters (130 bits) of SHA-256 over the stored event's identifier. */
    static String eventId(String messageIdentifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(messageIdentifier.getBytes(StandardCharsets.UTF_8));
            StringBuilder id = new StringBuilder("evt_");
            for (int i = 0; i < 26; i++) {
                int bit = i * 5;
                int value = ((hash[bit / 8] & 0xff) << 8 | (hash[bit / 8 + 1] & 0xff)) >> (11 - bit % 8) & 0x1f;
                id.append(RandomIds.ALPHABET.charAt(value));
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
