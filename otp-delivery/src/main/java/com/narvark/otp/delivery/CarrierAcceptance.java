package com.narvark.otp.delivery;

/**
 * The carrier took the message. {@code immediateReceipt} is for carriers whose acceptance already is the delivery
 * (the sandbox, the test-mode simulator), so the OTP does not wait for a receipt that never comes.
 */
public record CarrierAcceptance(String carrierMessageId, Receipt immediateReceipt) {

    public enum Receipt { NONE, DELIVERED, READ }

    public static CarrierAcceptance accepted(String carrierMessageId) {
        return new CarrierAcceptance(carrierMessageId, Receipt.NONE);
    }
}
