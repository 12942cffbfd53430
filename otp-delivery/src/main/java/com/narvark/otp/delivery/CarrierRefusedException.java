package com.narvark.otp.delivery;

/**
 * The carrier certainly did not take the message (refused it, or could not be reached at all); {@code reason} is
 * a short machine-readable cause recorded on the OTP, and the next fallback channel follows.
 */
public class CarrierRefusedException extends RuntimeException {

    private final String reason;

    public CarrierRefusedException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
