package com.narvark.otp.command;

import static com.narvark.otp.command.OtpFixtures.OTP_ID;
import static com.narvark.otp.command.OtpFixtures.T0;
import static com.narvark.otp.command.OtpFixtures.TTL;
import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.otp.api.event.OtpCancelledEvent;
import com.narvark.otp.api.event.OtpEndedEvent;
import com.narvark.otp.api.event.OtpExpiredEvent;
import com.narvark.otp.api.event.OtpFailedEvent;
import com.narvark.otp.api.event.OtpLockedEvent;
import com.narvark.otp.api.event.OtpVerifiedEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The expiry row follows the OTP's events: from the one that creates it to the one that ends it. */
class OtpExpiryRowsTest {

    private final InMemoryOtpExpiries expiries = new InMemoryOtpExpiries();
    private final OtpExpiryRows rows = new OtpExpiryRows(expiries);

    @Test
    void shouldScheduleTheOtpsOwnExpiryWhenItIsRequested() {
        rows.on(OtpFixtures.requested(List.of()));

        assertThat(expiries.dueAt(OTP_ID)).contains(T0.plusSeconds(TTL));
    }

    @Test
    void shouldRemoveTheRowWhenAnyEndingEventArrives() {
        List<OtpEndedEvent> endings = List.of(new OtpVerifiedEvent(OTP_ID, 1, T0), new OtpExpiredEvent(OTP_ID, T0),
                new OtpLockedEvent(OTP_ID, T0), new OtpFailedEvent(OTP_ID, "undeliverable", T0),
                new OtpCancelledEvent(OTP_ID, T0));
        for (OtpEndedEvent ending : endings) {
            rows.on(OtpFixtures.requested(List.of()));

            rows.on(ending);

            assertThat(expiries.dueAt(OTP_ID)).as(ending.getClass().getSimpleName()).isEmpty();
        }
    }
}
