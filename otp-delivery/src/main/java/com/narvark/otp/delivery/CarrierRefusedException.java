package com.narvark.otp.delivery;

import com.narvark.otp.api.FailureReason;

/**
 * The carrier certainly did not take the message (refused it, or could not be reached at all); {@code failure} is
 * the cause recorded on the OTP (the taxonomy reason and the carrier's code), and the next fallback channel follows.
 */
public class CarrierRefusedException extends RuntimeException {

    private final CarrierFailure failure;

    public CarrierRefusedException(CarrierFailure failure, String message) {
        super(message);
        this.failure = failure;
    }

    public CarrierRefusedException(FailureReason reason, String message) {
        this(CarrierFailure.of(reason), message);
    }

    public CarrierFailure failure() {
        return failure;
    }

    /** The taxonomy wire name, e.g. {@code invalid_destination}. */
    public String reason() {
        return failure.wireName();
    }
}
