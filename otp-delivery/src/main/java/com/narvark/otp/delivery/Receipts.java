package com.narvark.otp.delivery;

/** Where carriers' receipts go, keyed by the provider and the carrier's own message id. */
public interface Receipts {

    void delivered(String provider, String carrierMessageId);

    void read(String provider, String carrierMessageId);

    void failed(String provider, String carrierMessageId, CarrierFailure failure);
}
