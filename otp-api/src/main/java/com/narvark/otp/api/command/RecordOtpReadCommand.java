package com.narvark.otp.api.command;

import com.narvark.otp.api.Channel;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The carrier reported the message of attempt {@code attempt} read (WhatsApp read receipts). */
public record RecordOtpReadCommand(@TargetAggregateIdentifier String otpId, Channel channel, int attempt) {
}
