package com.narvark.otp.delivery;

/** Where carriers' receipts go, keyed by the provider and the carrier's own message id. */
public interface Receipts {

    void delivered(String provider, String carrierMessageId);

    void read(String provider, String carrierMessageId);

    void failed(String provider, String carrierMessageId, CarrierFailure failure);

    /** A receipt as its carrier's edge parsed it. */
    default void record(CarrierReceipt receipt) {
        switch (receipt.outcome()) {
            case DELIVERED -> delivered(receipt.provider(), receipt.carrierMessageId());
            case READ -> read(receipt.provider(), receipt.carrierMessageId());
            case FAILED -> failed(receipt.provider(), receipt.carrierMessageId(), receipt.failure());
        }
    }
}
