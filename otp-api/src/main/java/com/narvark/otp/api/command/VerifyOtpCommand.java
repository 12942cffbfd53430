package com.narvark.otp.api.command;

import com.narvark.otp.api.GuardPolicy;
import com.narvark.otp.api.message.OtpTransaction;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Checks a candidate code; answered with a {@link VerificationResult}. The code holds digits only;
 * {@code transaction} must equal the one the OTP was sent for (null for an OTP sent without one).
 */
public record VerifyOtpCommand(@TargetAggregateIdentifier String otpId, String accountId, boolean livemode,
                               String code, GuardPolicy guard, OtpTransaction transaction) implements OwnedOtpCommand {

    /** A verify of an OTP sent without a transaction. */
    public VerifyOtpCommand(String otpId, String accountId, boolean livemode, String code, GuardPolicy guard) {
        this(otpId, accountId, livemode, code, guard, null);
    }

    @Override
    public String toString() {
        return "VerifyOtpCommand[otpId=" + otpId + ", code=<redacted>]";
    }
}
