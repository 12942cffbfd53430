package com.narvark.otp.api.webhook;

import java.util.Arrays;
import java.util.Optional;

/** The public event types a webhook endpoint can subscribe to; the wire names are part of the contract. */
public enum WebhookEventType {
    DISPATCHED("otp.dispatched"),
    DELIVERED("otp.delivered"),
    READ("otp.read"),
    VERIFIED("otp.verified"),
    EXPIRED("otp.expired"),
    FAILED("otp.failed"),
    LOCKED("otp.locked"),
    CANCELLED("otp.cancelled");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookEventType> fromWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}
