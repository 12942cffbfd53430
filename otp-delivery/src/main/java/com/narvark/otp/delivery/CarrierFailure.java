package com.narvark.otp.delivery;

import com.narvark.otp.api.FailureReason;

/**
 * A carrier's "no" in both forms: the {@link FailureReason} customers branch on, and the carrier's own code beside
 * it ({@code provider:code}, e.g. {@code smpp:0x0000000B}, {@code twilio:21211}; null when the carrier gave none),
 * which support needs when talking to the carrier.
 */
public record CarrierFailure(FailureReason reason, String carrierError) {

    public static CarrierFailure of(FailureReason reason) {
        return new CarrierFailure(reason, null);
    }

    public String wireName() {
        return reason.wireName();
    }
}
