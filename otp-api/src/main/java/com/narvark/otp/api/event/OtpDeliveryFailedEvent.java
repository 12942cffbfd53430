package com.narvark.otp.api.event;

import com.narvark.otp.api.Channel;
import java.time.Instant;

/**
 * Delivery attempt {@code attempt} failed on {@code channel}; a fallback may follow. {@code reason} is a
 * {@link com.narvark.otp.api.FailureReason} wire name, {@code carrierError} the carrier's own code beside it
 * ({@code provider:code}, null when the carrier gave none). Events stored before the taxonomy carry a carrier-shaped
 * reason and no carrier error: read them through {@code FailureReason.ofStored}.
 */
public record OtpDeliveryFailedEvent(String otpId, Channel channel, int attempt, String reason, Instant failedAt,
                                     String carrierError) implements OtpEvent {

    public OtpDeliveryFailedEvent(String otpId, Channel channel, int attempt, String reason, Instant failedAt) {
        this(otpId, channel, attempt, reason, failedAt, null);
    }
}
