package com.narvark.otp.api.command;

import com.narvark.otp.api.Channel;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The carrier accepted the message of delivery attempt {@code attempt} (0 = primary channel). */
public record RecordOtpDispatchedCommand(@TargetAggregateIdentifier String otpId, Channel channel, int attempt,
                                         String carrierMessageId) {
}
