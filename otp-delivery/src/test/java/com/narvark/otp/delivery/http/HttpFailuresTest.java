package com.narvark.otp.delivery.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.otp.api.FailureReason;
import com.narvark.otp.delivery.CarrierFailure;
import org.junit.jupiter.api.Test;

class HttpFailuresTest {

    @Test
    void shouldMapTwilioErrorCodesWhenTwilioRefusesOrReportsUndelivered() {
        assertThat(TwilioFailures.of("21211", "failed"))
                .isEqualTo(new CarrierFailure(FailureReason.INVALID_DESTINATION, "twilio:21211"));
        assertThat(TwilioFailures.of("21610", "failed").reason()).isEqualTo(FailureReason.BLOCKED);
        assertThat(TwilioFailures.of("21408", "failed").reason()).isEqualTo(FailureReason.COUNTRY_NOT_SUPPORTED);
        assertThat(TwilioFailures.of("30003", "undelivered").reason()).isEqualTo(FailureReason.UNREACHABLE);
        assertThat(TwilioFailures.of("30007", "undelivered").reason()).isEqualTo(FailureReason.CONTENT_REJECTED);
        assertThat(TwilioFailures.of("", "undelivered"))
                .isEqualTo(new CarrierFailure(FailureReason.CARRIER_ERROR, "twilio:undelivered"));
        assertThat(TwilioFailures.ofCall("busy").reason()).isEqualTo(FailureReason.UNREACHABLE);
    }

    @Test
    void shouldMapMetaErrorCodesWhenWhatsAppRefusesOrReportsFailed() {
        assertThat(WhatsAppFailures.of("131026"))
                .isEqualTo(new CarrierFailure(FailureReason.UNREACHABLE, "whatsapp:131026"));
        assertThat(WhatsAppFailures.of("131047").reason()).isEqualTo(FailureReason.BLOCKED);
        assertThat(WhatsAppFailures.of("131049").reason()).isEqualTo(FailureReason.BLOCKED);
        assertThat(WhatsAppFailures.of("130429").reason()).isEqualTo(FailureReason.RATE_LIMITED);
        assertThat(WhatsAppFailures.of("132001").reason()).isEqualTo(FailureReason.CONTENT_REJECTED);
        assertThat(WhatsAppFailures.of("999999").reason()).isEqualTo(FailureReason.CARRIER_ERROR);
    }
}
