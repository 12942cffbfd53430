package com.narvark.otp.api.command;

import com.narvark.otp.api.Channel;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The carrier reported the message of attempt {@code attempt} delivered to the handset or mailbox. */
public record RecordOtpDeliveredCommand(@TargetAggregateIdentifier String otpId, Channel channel, int attempt) {
}
