package com.narvark.otp.api.event;

import com.narvark.otp.api.Channel;
import java.time.Instant;

/** The recipient opened the message of attempt {@code attempt}. */
public record OtpReadEvent(String otpId, Channel channel, int attempt, Instant readAt) implements OtpEvent {
}
