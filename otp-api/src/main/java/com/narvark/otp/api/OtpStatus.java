package com.narvark.otp.api;

import java.util.Locale;

/** The lifecycle states customers see. The last four are final. */
public enum OtpStatus {
    PENDING, DISPATCHED, DELIVERED, READ, VERIFIED, EXPIRED, FAILED, LOCKED;

    public boolean isFinal() {
        return this == VERIFIED || this == EXPIRED || this == FAILED || this == LOCKED;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
