package com.narvark.otp.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.otp.api.OtpStatus;
import com.narvark.otp.api.command.VerificationResult;
import org.junit.jupiter.api.Test;

class OtpOutcomeMetricsTest {

    private static String outcome(boolean valid, OtpStatus status) {
        return OtpOutcomeMetrics.outcome(new VerificationResult("otp_1", valid, status == OtpStatus.VERIFIED, status,
                3));
    }

    @Test
    void shouldNameEachVerifyAnswerWhenTheAggregateAnswers() {
        assertThat(outcome(true, OtpStatus.VERIFIED)).isEqualTo("valid");
        assertThat(outcome(false, OtpStatus.VERIFIED)).isEqualTo("consumed");
        assertThat(outcome(false, OtpStatus.DELIVERED)).isEqualTo("wrong");
        assertThat(outcome(false, OtpStatus.EXPIRED)).isEqualTo("expired");
        assertThat(outcome(false, OtpStatus.LOCKED)).isEqualTo("locked");
        assertThat(outcome(false, OtpStatus.CANCELLED)).isEqualTo("not_active");
    }
}
