package com.narvark.otp.api.event;

import java.time.Instant;

/** The attempt cap was reached; from now on even the right code fails. */
public record OtpLockedEvent(String otpId, Instant lockedAt) implements OtpEvent, OtpEndedEvent {
}
