package com.narvark.otp.api.event;

import java.time.Instant;

/** Every channel of the OTP failed: no code can reach the recipient any more. */
public record OtpFailedEvent(String otpId, String reason, Instant failedAt) implements OtpEvent, OtpEndedEvent {
}
