package com.narvark.otp.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class DeliveryMetricsTest {

    private final DeliveryMetrics metrics = new DeliveryMetrics(new SimpleMeterRegistry());

    @Test
    void shouldKeepAShortReasonWhenACarrierNamesOne() {
        assertThat(metrics.boundedReason("twilio_21211")).isEqualTo("twilio_21211");
    }

    @Test
    void shouldCountAsOtherWhenAReasonIsFreeTextOrMissing() {
        assertThat(metrics.boundedReason("Number +447911123456 is not valid")).isEqualTo("other");
        assertThat(metrics.boundedReason(null)).isEqualTo("other");
    }

    @Test
    void shouldCapTheDistinctReasonsWhenACarrierInventsNewOnes() {
        for (int i = 0; i < DeliveryMetrics.MAX_REASONS; i++) {
            assertThat(metrics.boundedReason("code_" + i)).isEqualTo("code_" + i);
        }
        assertThat(metrics.boundedReason("code_new")).isEqualTo("other");
        assertThat(metrics.boundedReason("code_7")).isEqualTo("code_7");
    }
}
