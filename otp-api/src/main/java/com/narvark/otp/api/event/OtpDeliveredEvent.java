package com.narvark.otp.api.event;

import com.narvark.otp.api.Channel;
import java.time.Instant;

/** The carrier confirmed delivery of attempt {@code attempt}. */
public record OtpDeliveredEvent(String otpId, Channel channel, int attempt, Instant deliveredAt) implements OtpEvent {
}
