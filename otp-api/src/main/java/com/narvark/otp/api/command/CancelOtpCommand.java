package com.narvark.otp.api.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraws an OTP that has not ended; cancelling a cancelled OTP changes nothing. */
public record CancelOtpCommand(@TargetAggregateIdentifier String otpId, String accountId, boolean livemode)
        implements OwnedOtpCommand {
}
