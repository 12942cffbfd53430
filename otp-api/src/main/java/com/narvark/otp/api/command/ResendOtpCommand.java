package com.narvark.otp.api.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sends the OTP again, with the same code or a new one; refused with an {@code OtpRefusal} when too early. */
public record ResendOtpCommand(@TargetAggregateIdentifier String otpId, String accountId, boolean livemode,
                               boolean newCode) implements OwnedOtpCommand {
}
