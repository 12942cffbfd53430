package com.narvark.otp.command;

import com.narvark.otp.api.OtpErrorCode;
import com.narvark.otp.api.OtpRefusal;
import org.axonframework.commandhandling.CommandExecutionException;

/** How the aggregate says no to a customer's command: a code (and a retry time) in the exception's details. */
final class OtpRefusals {

    private OtpRefusals() {
    }

    static CommandExecutionException refused(OtpRefusal refusal) {
        return new CommandExecutionException("refused: " + refusal.code(), null, refusal);
    }

    /** The OTP ended (or was never sent): nothing can be done with it any more. */
    static CommandExecutionException notActive() {
        return refused(new OtpRefusal(OtpErrorCode.OTP_NOT_ACTIVE, 0));
    }
}
