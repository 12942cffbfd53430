package com.narvark.otp.api.event;

import java.time.Instant;

/** A wrong code was tried. It counts toward the lockout. */
public record OtpVerificationFailedEvent(String otpId, int attemptsUsed, int attemptsRemaining, Instant attemptedAt)
        implements OtpEvent {
}
