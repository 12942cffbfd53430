package com.narvark.otp.api.command;

import com.narvark.otp.api.Channel;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The carrier accepted attempt {@code attempt} but sent no delivery receipt within the channel's receipt timeout. */
public record RecordOtpDeliveryUnconfirmedCommand(@TargetAggregateIdentifier String otpId, Channel channel,
                                                  int attempt) {
}
