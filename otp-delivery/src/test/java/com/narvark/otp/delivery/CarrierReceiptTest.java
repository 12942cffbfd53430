package com.narvark.otp.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.otp.api.FailureReason;
import org.junit.jupiter.api.Test;

/** A parsed receipt reaches the receipt sink as the outcome it names, and as nothing else. */
class CarrierReceiptTest {

    @Test
    void shouldHandEachOutcomeToItsSinkWhenRecorded() {
        RecordingReceipts receipts = new RecordingReceipts();
        receipts.record(CarrierReceipt.delivered("twilio", "SM1"));
        receipts.record(CarrierReceipt.read("whatsapp-cloud", "wamid.1"));
        receipts.record(CarrierReceipt.failed("twilio", "SM2",
                new CarrierFailure(FailureReason.BLOCKED, "twilio:21610")));
        assertThat(receipts.seen).containsExactly("delivered twilio SM1", "read whatsapp-cloud wamid.1",
                "failed twilio SM2 blocked twilio:21610");
    }
}
