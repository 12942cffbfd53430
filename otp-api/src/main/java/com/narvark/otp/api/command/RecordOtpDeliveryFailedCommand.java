package com.narvark.otp.api.command;

import com.narvark.otp.api.Channel;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Delivery attempt {@code attempt} failed on {@code channel}; {@code reason} is a short machine-readable cause. */
public record RecordOtpDeliveryFailedCommand(@TargetAggregateIdentifier String otpId, Channel channel, int attempt,
                                             String reason) {
}
