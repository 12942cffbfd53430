package com.narvark.otp.api.event;

import java.time.Instant;

/** The right code was presented in time: the OTP is consumed. */
public record OtpVerifiedEvent(String otpId, int attemptsUsed, Instant verifiedAt) implements OtpEvent, OtpEndedEvent {
}
