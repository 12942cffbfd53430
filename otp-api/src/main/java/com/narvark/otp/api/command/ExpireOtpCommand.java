package com.narvark.otp.api.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the expiry poller once an OTP's expiry row fell due. Ends the OTP as expired unless it already ended; sent
 * twice (a lease ran out while the first was on its way), the second changes nothing.
 */
public record ExpireOtpCommand(@TargetAggregateIdentifier String otpId) {
}
