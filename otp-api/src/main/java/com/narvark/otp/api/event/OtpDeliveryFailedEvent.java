package com.narvark.otp.api.event;

import com.narvark.otp.api.Channel;
import java.time.Instant;

/** Delivery attempt {@code attempt} failed on {@code channel}; a fallback may follow. */
public record OtpDeliveryFailedEvent(String otpId, Channel channel, int attempt, String reason, Instant failedAt)
        implements OtpEvent {
}
