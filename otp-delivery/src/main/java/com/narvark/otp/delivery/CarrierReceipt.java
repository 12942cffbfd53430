package com.narvark.otp.delivery;

/**
 * What a carrier's receipt says about one message it carried, however it arrived (an SMPP deliver_sm, a signed HTTP
 * callback): which message (the provider and the carrier's own message id) and its outcome. Only failures carry a
 * {@link CarrierFailure}; statuses that tell the OTP nothing new (queued, sent) never become a receipt.
 */
public record CarrierReceipt(String provider, String carrierMessageId, Outcome outcome, CarrierFailure failure) {

    public enum Outcome {
        DELIVERED,
        READ,
        FAILED
    }

    public static CarrierReceipt delivered(String provider, String carrierMessageId) {
        return new CarrierReceipt(provider, carrierMessageId, Outcome.DELIVERED, null);
    }

    public static CarrierReceipt read(String provider, String carrierMessageId) {
        return new CarrierReceipt(provider, carrierMessageId, Outcome.READ, null);
    }

    public static CarrierReceipt failed(String provider, String carrierMessageId, CarrierFailure failure) {
        return new CarrierReceipt(provider, carrierMessageId, Outcome.FAILED, failure);
    }
}
