package com.narvark.otp.api.event;

/**
 * Marks the events that end an OTP (verified, expired, locked, failed, cancelled): after one, nothing is delivered
 * and no code verifies. A refused send never started, so it has none.
 */
public interface OtpEndedEvent {

    String otpId();
}
