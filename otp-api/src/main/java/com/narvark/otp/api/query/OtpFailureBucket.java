package com.narvark.otp.api.query;

/**
 * Failures of one channel, destination country (null for email and numbers of no country) and failure reason:
 * {@code failedAttempts} delivery attempts failed so; {@code failedOtps} of those failures ended their OTP (no
 * channel was left), the others were followed by a fallback or a resend.
 */
public record OtpFailureBucket(String channel, String country, String failureReason, long failedAttempts,
                               long failedOtps) {
}
