package com.narvark.otp.api.event;

import com.narvark.otp.api.Channel;
import java.time.Instant;

/** A carrier accepted delivery attempt {@code attempt} (0 = primary channel, 1.. = fallbacks). */
public record OtpDispatchedEvent(String otpId, Channel channel, int attempt, String carrierMessageId,
                                 Instant dispatchedAt) implements OtpEvent {
}
