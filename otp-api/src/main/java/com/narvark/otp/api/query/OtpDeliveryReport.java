package com.narvark.otp.api.query;

import java.util.List;

/**
 * What the carriers made of an OTP: {@code failureReason} and {@code carrierError} of the OTP once it failed (those
 * of the attempt that failed last; null otherwise), {@code parts} the carrier messages of every dispatch together
 * (what the carriers bill: a long SMS counts each part), and each delivery attempt as it stands.
 */
public record OtpDeliveryReport(String failureReason, String carrierError, int parts,
                                List<DeliveryAttemptView> attempts) {

    public static final OtpDeliveryReport NONE = new OtpDeliveryReport(null, null, 0, List.of());

    public OtpDeliveryReport {
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }
}
