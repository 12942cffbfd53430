package com.narvark.otp.command;

import static com.narvark.otp.command.OtpFixtures.OTP_ID;
import static com.narvark.otp.command.OtpFixtures.T0;
import static com.narvark.otp.command.OtpFixtures.TTL;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.Destination;
import com.narvark.otp.api.GuardReason;
import com.narvark.otp.api.command.ExpireOtpCommand;
import com.narvark.otp.api.event.OtpExpiredEvent;
import com.narvark.otp.api.event.OtpSendRefusedEvent;
import com.narvark.otp.api.event.OtpVerifiedEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/** The expire command the poller sends once an OTP's expiry row fell due, and what it tells the poller. */
class OtpExpiryTest {

    private static final Instant EXPIRES_AT = T0.plusSeconds(TTL);

    private final OtpFixtures.MovableClock clock = new OtpFixtures.MovableClock();
    private final AggregateTestFixture<Otp> fixture = OtpFixtures.fixture(clock);

    @Test
    void shouldExpireAndLeaveTheRowToTheEndingEventWhenDue() {
        clock.set(EXPIRES_AT);
        fixture.givenCommands(OtpFixtures.send(true, List.of()))
                .when(new ExpireOtpCommand(OTP_ID))
                .expectEvents(new OtpExpiredEvent(OTP_ID, EXPIRES_AT))
                .expectResultMessagePayload(ExpiryOutcome.EXPIRED);
    }

    @Test
    void shouldRecordTheOtpsOwnExpiryWhenExpiredLate() {
        clock.set(EXPIRES_AT.plusSeconds(90));
        fixture.given(OtpFixtures.requested(List.of()))
                .when(new ExpireOtpCommand(OTP_ID))
                .expectEvents(new OtpExpiredEvent(OTP_ID, EXPIRES_AT));
    }

    @Test
    void shouldWaitForTheOtpsOwnExpiryWhenTheRowFellDueEarly() {
        clock.set(EXPIRES_AT.minusSeconds(5));
        fixture.given(OtpFixtures.requested(List.of()))
                .when(new ExpireOtpCommand(OTP_ID))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(ExpiryOutcome.notBefore(EXPIRES_AT));
    }

    @Test
    void shouldChangeNothingWhenExpiredTwice() {
        clock.set(EXPIRES_AT.plusSeconds(10));
        fixture.given(OtpFixtures.requested(List.of()), new OtpExpiredEvent(OTP_ID, EXPIRES_AT))
                .when(new ExpireOtpCommand(OTP_ID))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(ExpiryOutcome.ALREADY_ENDED);
    }

    @Test
    void shouldLeaveAVerifiedOtpAsItIsWhenItsExpiryArrivesLate() {
        clock.set(EXPIRES_AT);
        fixture.given(OtpFixtures.requested(List.of()), new OtpVerifiedEvent(OTP_ID, 1, T0.plusSeconds(20)))
                .when(new ExpireOtpCommand(OTP_ID))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(ExpiryOutcome.ALREADY_ENDED);
    }

    @Test
    void shouldChangeNothingWhenARefusedSendIsExpired() {
        clock.set(EXPIRES_AT);
        fixture.given(new OtpSendRefusedEvent(OTP_ID, OtpFixtures.ACCOUNT, true,
                        new Destination(Destination.Kind.PHONE, "+447911123456"), Channel.WHATSAPP, 6, Map.of(),
                        GuardReason.COUNTRY_NOT_ALLOWED, T0))
                .when(new ExpireOtpCommand(OTP_ID))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(ExpiryOutcome.ALREADY_ENDED);
    }
}
