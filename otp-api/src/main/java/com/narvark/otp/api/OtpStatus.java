package com.narvark.otp.api;

import java.util.Locale;

/**
 * The lifecycle states customers see. Delivery states only move forward (in declaration order); the rest are
 * final. {@code REFUSED} is a send a fraud guard blocked: it never had a code.
 */
public enum OtpStatus {
    PENDING, DISPATCHED, DELIVERED, READ, VERIFIED, EXPIRED, FAILED, LOCKED, CANCELLED, REFUSED;

    public boolean isFinal() {
        return ordinal() >= VERIFIED.ordinal();
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
