package com.narvark.otp.command;

import com.narvark.otp.api.Destination;
import com.narvark.otp.api.command.VerificationResult;

/**
 * What {@link Otp#verify} decided: the caller's answer and, when a wrong code was entered, the destination whose
 * wrong-code count it adds to ({@code wrongCodeFor}; null otherwise). The aggregate only says so; the
 * {@link OtpVerifyHandler} writes it to the guards' ledger.
 */
record Verification(VerificationResult answer, Destination wrongCodeFor) {

    static Verification answered(VerificationResult answer) {
        return new Verification(answer, null);
    }

    static Verification wrongCode(VerificationResult answer, Destination to) {
        return new Verification(answer, to);
    }
}
