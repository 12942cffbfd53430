package com.narvark.otp.api.webhook;

import java.util.Arrays;
import java.util.Optional;

/**
 * The public event types a webhook endpoint can subscribe to; the wire names are part of the contract. Each names
 * the status its payload's {@code data.status} reports: the step itself, except {@code otp.delivery_unconfirmed},
 * whose message stays {@code dispatched} (accepted, not confirmed; the OTP goes on).
 */
public enum WebhookEventType {
    DISPATCHED("otp.dispatched"),
    DELIVERED("otp.delivered"),
    READ("otp.read"),
    DELIVERY_UNCONFIRMED("otp.delivery_unconfirmed", "dispatched"),
    VERIFIED("otp.verified"),
    EXPIRED("otp.expired"),
    FAILED("otp.failed"),
    LOCKED("otp.locked"),
    CANCELLED("otp.cancelled");

    private final String wireName;
    private final String status;

    WebhookEventType(String wireName) {
        this(wireName, wireName.substring("otp.".length()));
    }

    WebhookEventType(String wireName, String status) {
        this.wireName = wireName;
        this.status = status;
    }

    public String wireName() {
        return wireName;
    }

    /** The OTP status a payload of this type carries in {@code data.status}. */
    public String status() {
        return status;
    }

    public static Optional<WebhookEventType> fromWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}
