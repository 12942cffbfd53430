package com.narvark.otp.api.event;

import com.narvark.otp.api.Channel;
import java.time.Instant;

/**
 * A carrier accepted attempt {@code attempt}, but no delivery receipt came within the channel's receipt timeout.
 * That is evidence of nothing: many routes send no receipts, or send them late, and the code may well have arrived.
 * The OTP stays verifiable until it expires; a fallback may follow, and a late receipt still counts.
 */
public record OtpDeliveryUnconfirmedEvent(String otpId, Channel channel, int attempt, Instant unconfirmedAt)
        implements OtpEvent {
}
