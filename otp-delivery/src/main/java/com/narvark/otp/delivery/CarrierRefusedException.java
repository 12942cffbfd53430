package com.narvark.otp.delivery;

/** The carrier refused the message synchronously; {@code reason} is recorded on the OTP. */
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
