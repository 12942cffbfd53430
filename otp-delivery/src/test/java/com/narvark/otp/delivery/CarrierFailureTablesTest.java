package com.narvark.otp.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.otp.api.FailureReason;
import org.junit.jupiter.api.Test;

/** Stored reasons from before the taxonomy read as taxonomy reasons, with the carrier code they carried. */
class CarrierFailureTablesTest {

    @Test
    void shouldClassifyLegacyReasonsWhenEventsPredateTheTaxonomy() {
        assertThat(FailureReason.ofStored("smpp_status_11")).isEqualTo(FailureReason.INVALID_DESTINATION);
        assertThat(FailureReason.ofStored("undeliverable")).isEqualTo(FailureReason.UNREACHABLE);
        assertThat(FailureReason.ofStored("carrier_queue_full")).isEqualTo(FailureReason.RATE_LIMITED);
        assertThat(FailureReason.ofStored("twilio_30007")).isEqualTo(FailureReason.CONTENT_REJECTED);
        assertThat(FailureReason.ofStored("smsc_unavailable")).isEqualTo(FailureReason.CARRIER_UNAVAILABLE);
        assertThat(FailureReason.ofStored("something_new")).isEqualTo(FailureReason.CARRIER_ERROR);
        assertThat(FailureReason.ofStored("blocked")).isEqualTo(FailureReason.BLOCKED);
    }

    @Test
    void shouldRecoverTheCarrierCodeWhenALegacyReasonCarriedOne() {
        assertThat(FailureReason.carrierErrorOfStored(null, "smpp_status_88")).isEqualTo("smpp:0x00000058");
        assertThat(FailureReason.carrierErrorOfStored(null, "twilio_21211")).isEqualTo("twilio:21211");
        assertThat(FailureReason.carrierErrorOfStored(null, "smpp_undeliv")).isEqualTo("smpp:stat=UNDELIV");
        assertThat(FailureReason.carrierErrorOfStored(null, "undeliverable")).isNull();
        assertThat(FailureReason.carrierErrorOfStored("whatsapp:131026", "unreachable")).isEqualTo("whatsapp:131026");
    }
}
