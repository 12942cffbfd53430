package com.narvark.otp.api.command;

import com.narvark.otp.api.Channel;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The carrier accepted the message of delivery attempt {@code attempt} (0 = primary channel), as {@code parts}
 * carrier messages in the SMS alphabet {@code encoding} (null outside SMS).
 */
public record RecordOtpDispatchedCommand(@TargetAggregateIdentifier String otpId, Channel channel, int attempt,
                                         String carrierMessageId, Integer parts, String encoding) {

    public RecordOtpDispatchedCommand(String otpId, Channel channel, int attempt, String carrierMessageId) {
        this(otpId, channel, attempt, carrierMessageId, null, null);
    }
}
