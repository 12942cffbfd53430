package com.narvark.otp.delivery.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.otp.api.FailureReason;
import com.narvark.otp.delivery.CarrierFailure;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.Test;

class SmppFailuresTest {

    @Test
    void shouldMapCommandStatusesWhenTheSmscRefusesSubmitSm() {
        assertThat(SmppFailures.ofCommandStatus(0x0B))
                .isEqualTo(new CarrierFailure(FailureReason.INVALID_DESTINATION, "smpp:0x0000000B"));
        assertThat(SmppFailures.ofCommandStatus(0x58).reason()).isEqualTo(FailureReason.RATE_LIMITED);
        assertThat(SmppFailures.ofCommandStatus(0x14).reason()).isEqualTo(FailureReason.RATE_LIMITED);
        assertThat(SmppFailures.ofCommandStatus(0x0A).reason()).isEqualTo(FailureReason.CONTENT_REJECTED);
        assertThat(SmppFailures.ofCommandStatus(0x400))
                .isEqualTo(new CarrierFailure(FailureReason.CARRIER_ERROR, "smpp:0x00000400"));
    }

    @Test
    void shouldMapReceiptStatesAndKeepTheErrFieldWhenAReceiptReportsFailure() {
        assertThat(SmppFailures.ofReceipt(DeliveryReceiptState.UNDELIV, "001"))
                .isEqualTo(new CarrierFailure(FailureReason.UNREACHABLE, "smpp:stat=UNDELIV;err=001"));
        assertThat(SmppFailures.ofReceipt(DeliveryReceiptState.EXPIRED, null).reason())
                .isEqualTo(FailureReason.UNREACHABLE);
        assertThat(SmppFailures.ofReceipt(DeliveryReceiptState.REJECTD, "").carrierError())
                .isEqualTo("smpp:stat=REJECTD");
        assertThat(SmppFailures.ofReceipt(DeliveryReceiptState.DELETED, "0").reason())
                .isEqualTo(FailureReason.CARRIER_ERROR);
    }
}
