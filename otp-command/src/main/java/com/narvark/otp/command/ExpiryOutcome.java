package com.narvark.otp.command;

import java.time.Instant;

/**
 * What an expire command found, for the {@link ExpiryPoller} that sent it: the expiry row is the poller's to tidy,
 * so the aggregate writes nothing but its events. {@code dueAgainAt}: the OTP's own expiry when the row fell due
 * early; {@code strayRow}: the OTP had already ended, so its row should not exist.
 */
record ExpiryOutcome(Instant dueAgainAt, boolean strayRow) {

    /** Expired now: the ending event took the row with it. */
    static final ExpiryOutcome EXPIRED = new ExpiryOutcome(null, false);
    static final ExpiryOutcome ALREADY_ENDED = new ExpiryOutcome(null, true);

    static ExpiryOutcome notBefore(Instant expiresAt) {
        return new ExpiryOutcome(expiresAt, false);
    }
}
