package com.narvark.otp.api.event;

import java.time.Instant;

/** The customer withdrew the OTP: from now on no code verifies and nothing more is delivered. */
public record OtpCancelledEvent(String otpId, Instant cancelledAt) implements OtpEvent, OtpEndedEvent {
}
