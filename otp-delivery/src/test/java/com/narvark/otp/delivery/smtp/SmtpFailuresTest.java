package com.narvark.otp.delivery.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.otp.api.FailureReason;
import com.narvark.otp.delivery.CarrierFailure;
import org.junit.jupiter.api.Test;

class SmtpFailuresTest {

    @Test
    void shouldMapEnhancedStatusCodesWhenTheServerSendsThem() {
        assertThat(SmtpFailures.of("550 5.1.1 <jane@example.com>: Recipient address rejected: User unknown"))
                .isEqualTo(new CarrierFailure(FailureReason.INVALID_DESTINATION, "smtp:550 5.1.1"));
        assertThat(SmtpFailures.of("552 5.2.2 Mailbox full").reason()).isEqualTo(FailureReason.UNREACHABLE);
        assertThat(SmtpFailures.of("554 5.7.1 Message rejected as spam").reason())
                .isEqualTo(FailureReason.CONTENT_REJECTED);
        assertThat(SmtpFailures.of("550 5.7.26 Unauthenticated sender").reason()).isEqualTo(FailureReason.BLOCKED);
        assertThat(SmtpFailures.of("451 4.7.1 Greylisted, try again").reason()).isEqualTo(FailureReason.RATE_LIMITED);
    }

    @Test
    void shouldMapTheReplyCodeWhenThereIsNoEnhancedCode() {
        assertThat(SmtpFailures.of("550 No such user"))
                .isEqualTo(new CarrierFailure(FailureReason.INVALID_DESTINATION, "smtp:550"));
        assertThat(SmtpFailures.of("Invalid Addresses;\n  nested exception is:\n452 Too many recipients").reason())
                .isEqualTo(FailureReason.UNREACHABLE);
        assertThat(SmtpFailures.of("connection reset")).isEqualTo(new CarrierFailure(FailureReason.CARRIER_ERROR,
                null));
    }
}
