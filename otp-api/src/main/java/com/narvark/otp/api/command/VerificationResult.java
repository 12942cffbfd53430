package com.narvark.otp.api.command;

import com.narvark.otp.api.OtpStatus;

/**
 * The answer to a verify: {@code valid} only once, for the right code on a live OTP. {@code reason} says why a
 * verify of a live OTP failed when the code alone is not the answer ({@link #TRANSACTION_MISMATCH}); null otherwise.
 */
public record VerificationResult(String otpId, boolean valid, boolean consumed, OtpStatus status,
                                 int attemptsRemaining, String reason) {

    public static final String TRANSACTION_MISMATCH = "transaction_mismatch";

    public VerificationResult(String otpId, boolean valid, boolean consumed, OtpStatus status,
                              int attemptsRemaining) {
        this(otpId, valid, consumed, status, attemptsRemaining, null);
    }
}
