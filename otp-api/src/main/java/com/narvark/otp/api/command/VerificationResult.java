package com.narvark.otp.api.command;

import com.narvark.otp.api.OtpStatus;

/** The answer to a verify: {@code valid} only once, for the right code on a live OTP. */
public record VerificationResult(String otpId, boolean valid, boolean consumed, OtpStatus status,
                                 int attemptsRemaining) {
}
