package com.narvark.otp.api.event;

import java.time.Instant;

/**
 * A wrong code was tried, or the right code with another transaction than the one it approves; either counts toward
 * the lockout. {@code reason} is null for a wrong code (and in every event stored before reasons), else
 * {@code transaction_mismatch}.
 */
public record OtpVerificationFailedEvent(String otpId, int attemptsUsed, int attemptsRemaining, Instant attemptedAt,
                                         String reason) implements OtpEvent {

    public OtpVerificationFailedEvent(String otpId, int attemptsUsed, int attemptsRemaining, Instant attemptedAt) {
        this(otpId, attemptsUsed, attemptsRemaining, attemptedAt, null);
    }
}
