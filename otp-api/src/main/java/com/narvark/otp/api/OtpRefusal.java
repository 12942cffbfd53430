package com.narvark.otp.api;

/**
 * A refusal that tells the caller when trying again makes sense; the details of a command execution exception,
 * like a bare {@link OtpErrorCode}. {@code retryAfterSeconds} is 0 when waiting does not help.
 */
public record OtpRefusal(OtpErrorCode code, long retryAfterSeconds) {
}
