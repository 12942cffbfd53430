package com.narvark.otp.api.command;

import com.narvark.otp.api.GuardPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Checks a candidate code; answered with a {@link VerificationResult}. The code holds digits only. */
public record VerifyOtpCommand(@TargetAggregateIdentifier String otpId, String accountId, boolean livemode,
                               String code, GuardPolicy guard) {

    @Override
    public String toString() {
        return "VerifyOtpCommand[otpId=" + otpId + ", code=<redacted>]";
    }
}
