package com.narvark.otp.api.command;

import com.narvark.otp.api.Channel;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Delivery attempt {@code attempt} failed on {@code channel}. {@code reason} is a
 * {@link com.narvark.otp.api.FailureReason} wire name; {@code carrierError} the carrier's code ({@code provider:code})
 * or null.
 */
public record RecordOtpDeliveryFailedCommand(@TargetAggregateIdentifier String otpId, Channel channel, int attempt,
                                             String reason, String carrierError) {

    public RecordOtpDeliveryFailedCommand(String otpId, Channel channel, int attempt, String reason) {
        this(otpId, channel, attempt, reason, null);
    }
}
