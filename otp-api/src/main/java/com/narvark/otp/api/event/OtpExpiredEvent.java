package com.narvark.otp.api.event;

import java.time.Instant;

/** The OTP outlived its ttl before being verified. */
public record OtpExpiredEvent(String otpId, Instant expiredAt) implements OtpEvent, OtpEndedEvent {
}
