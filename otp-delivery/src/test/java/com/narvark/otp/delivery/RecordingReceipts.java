package com.narvark.otp.delivery;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects receipts for tests of a carrier integration on its own; the application applies them to OTPs. */
public final class RecordingReceipts implements Receipts {

    public final List<String> seen = new CopyOnWriteArrayList<>();

    @Override
    public void delivered(String provider, String carrierMessageId) {
        seen.add("delivered " + provider + " " + carrierMessageId);
    }

    @Override
    public void read(String provider, String carrierMessageId) {
        seen.add("read " + provider + " " + carrierMessageId);
    }

    @Override
    public void failed(String provider, String carrierMessageId, CarrierFailure failure) {
        seen.add("failed " + provider + " " + carrierMessageId + " " + failure.wireName() + " "
                + failure.carrierError());
    }
}
