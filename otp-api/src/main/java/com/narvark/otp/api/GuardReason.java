package com.narvark.otp.api;

import java.util.Locale;

/** Why a fraud guard stopped (or, in monitor-only mode, would have stopped) an OTP. Wire names are public. */
public enum GuardReason {
    /** Too many OTPs to one destination within the window (SMS pumping). */
    DESTINATION_RATE_LIMITED,
    /** Too many wrong codes for one destination within a day, across its OTPs (brute force). */
    DESTINATION_FAILURE_CAP,
    /** The destination's country is not on the account's allowlist. */
    COUNTRY_NOT_ALLOWED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
