package com.narvark.otp.command;

import static com.narvark.otp.command.OtpFixtures.LIVE_CODE;
import static com.narvark.otp.command.OtpFixtures.OTP_ID;
import static com.narvark.otp.command.OtpFixtures.T0;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.OtpStatus;
import com.narvark.otp.api.command.RecordOtpDeliveryFailedCommand;
import com.narvark.otp.api.command.RecordOtpDeliveryUnconfirmedCommand;
import com.narvark.otp.api.command.RecordOtpDispatchedCommand;
import com.narvark.otp.api.command.VerificationResult;
import com.narvark.otp.api.event.OtpDeliveredEvent;
import com.narvark.otp.api.event.OtpDeliveryFailedEvent;
import com.narvark.otp.api.event.OtpDeliveryUnconfirmedEvent;
import com.narvark.otp.api.event.OtpDispatchedEvent;
import com.narvark.otp.api.event.OtpFailedEvent;
import com.narvark.otp.api.event.OtpResentEvent;
import com.narvark.otp.api.event.OtpVerifiedEvent;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/** What ends an OTP as failed and what does not: a missing receipt never does, a carrier's failure may. */
class OtpDeliveryOutcomeTest {

    private static final Instant NOW = T0.plusSeconds(61);

    private final OtpFixtures.MovableClock clock = new OtpFixtures.MovableClock();
    private final AggregateTestFixture<Otp> fixture = OtpFixtures.fixture(clock);

    OtpDeliveryOutcomeTest() {
        clock.set(NOW);
    }

    private static OtpDispatchedEvent dispatched(Channel channel, int attempt) {
        return new OtpDispatchedEvent(OTP_ID, channel, attempt, "carrier-" + attempt, T0.plusMillis(10));
    }

    private static OtpDeliveryUnconfirmedEvent unconfirmed(Channel channel, int attempt) {
        return new OtpDeliveryUnconfirmedEvent(OTP_ID, channel, attempt, T0.plusSeconds(60));
    }

    @Test
    void shouldRecordThePartsAndTheAlphabetWhenTheCarrierTakesALongSms() {
        clock.set(T0);
        fixture.givenCommands(OtpFixtures.send(true, List.of()))
                .when(new RecordOtpDispatchedCommand(OTP_ID, Channel.WHATSAPP, 0, "SM1", 3, "ucs2"))
                .expectEvents(new OtpDispatchedEvent(OTP_ID, Channel.WHATSAPP, 0, "SM1", T0, 3, "ucs2"));
    }

    @Test
    void shouldCarryTheCarrierErrorToTheOtpWhenTheLastChannelFails() {
        fixture.given(OtpFixtures.requested(List.of()))
                .when(new RecordOtpDeliveryFailedCommand(OTP_ID, Channel.WHATSAPP, 0, "blocked", "whatsapp:131049"))
                .expectEvents(new OtpDeliveryFailedEvent(OTP_ID, Channel.WHATSAPP, 0, "blocked", NOW,
                                "whatsapp:131049"),
                        new OtpFailedEvent(OTP_ID, "blocked", NOW, "whatsapp:131049"));
    }

    @Test
    void shouldKeepTheOtpWhenTheReceiptTimesOutWithNoFallback() {
        clock.set(T0);
        fixture.givenCommands(OtpFixtures.send(true, List.of()),
                        new RecordOtpDispatchedCommand(OTP_ID, Channel.WHATSAPP, 0, "wamid.1"))
                .when(new RecordOtpDeliveryUnconfirmedCommand(OTP_ID, Channel.WHATSAPP, 0))
                .expectEvents(new OtpDeliveryUnconfirmedEvent(OTP_ID, Channel.WHATSAPP, 0, T0));
    }

    @Test
    void shouldVerifyTheCodeWhenItsOnlyDeliveryWentUnconfirmed() {
        fixture.given(OtpFixtures.requested(List.of()), dispatched(Channel.WHATSAPP, 0),
                        unconfirmed(Channel.WHATSAPP, 0))
                .when(OtpFixtures.verify(LIVE_CODE))
                .expectEvents(new OtpVerifiedEvent(OTP_ID, 1, NOW))
                .expectResultMessagePayload(new VerificationResult(OTP_ID, true, true, OtpStatus.VERIFIED, 4));
    }

    @Test
    void shouldVerifyTheSameCodeWhenTheFallbackWasDispatchedAfterAnUnconfirmedPrimary() {
        fixture.given(OtpFixtures.requested(List.of(Channel.SMS)), dispatched(Channel.WHATSAPP, 0),
                        unconfirmed(Channel.WHATSAPP, 0), dispatched(Channel.SMS, 1), unconfirmed(Channel.SMS, 1))
                .when(OtpFixtures.verify(LIVE_CODE))
                .expectResultMessagePayload(new VerificationResult(OTP_ID, true, true, OtpStatus.VERIFIED, 4));
    }

    @Test
    void shouldKeepTheOtpWhenTheFallbackIsRefusedAfterAnUnconfirmedPrimary() {
        fixture.given(OtpFixtures.requested(List.of(Channel.SMS)), dispatched(Channel.WHATSAPP, 0),
                        unconfirmed(Channel.WHATSAPP, 0))
                .when(new RecordOtpDeliveryFailedCommand(OTP_ID, Channel.SMS, 1, "undeliverable"))
                .expectEvents(new OtpDeliveryFailedEvent(OTP_ID, Channel.SMS, 1, "undeliverable", NOW));
    }

    @Test
    void shouldFailTheOtpWhenTheCarrierReportsTheOnlyMessageUndelivered() {
        fixture.given(OtpFixtures.requested(List.of()), dispatched(Channel.WHATSAPP, 0))
                .when(new RecordOtpDeliveryFailedCommand(OTP_ID, Channel.WHATSAPP, 0, "undelivered"))
                .expectEvents(new OtpDeliveryFailedEvent(OTP_ID, Channel.WHATSAPP, 0, "undelivered", NOW),
                        new OtpFailedEvent(OTP_ID, "undelivered", NOW));
    }

    @Test
    void shouldFailTheOtpWhenALateFailureReceiptEndsTheLastUnconfirmedAttempt() {
        fixture.given(OtpFixtures.requested(List.of(Channel.SMS)), dispatched(Channel.WHATSAPP, 0),
                        unconfirmed(Channel.WHATSAPP, 0),
                        new OtpDeliveryFailedEvent(OTP_ID, Channel.SMS, 1, "undeliverable", T0.plusSeconds(60)))
                .when(new RecordOtpDeliveryFailedCommand(OTP_ID, Channel.WHATSAPP, 0, "undelivered"))
                .expectEvents(new OtpDeliveryFailedEvent(OTP_ID, Channel.WHATSAPP, 0, "undelivered", NOW),
                        new OtpFailedEvent(OTP_ID, "undelivered", NOW));
    }

    @Test
    void shouldKeepTheOtpWhenAFailureReportContradictsADeliveryReceipt() {
        fixture.given(OtpFixtures.requested(List.of()), dispatched(Channel.WHATSAPP, 0),
                        new OtpDeliveredEvent(OTP_ID, Channel.WHATSAPP, 0, T0.plusSeconds(1)))
                .when(new RecordOtpDeliveryFailedCommand(OTP_ID, Channel.WHATSAPP, 0, "undelivered"))
                .expectEvents(new OtpDeliveryFailedEvent(OTP_ID, Channel.WHATSAPP, 0, "undelivered", NOW));
    }

    @Test
    void shouldRecordNothingWhenTheReceiptArrivedBeforeTheTimeout() {
        fixture.given(OtpFixtures.requested(List.of()), dispatched(Channel.WHATSAPP, 0),
                        new OtpDeliveredEvent(OTP_ID, Channel.WHATSAPP, 0, T0.plusSeconds(1)))
                .when(new RecordOtpDeliveryUnconfirmedCommand(OTP_ID, Channel.WHATSAPP, 0))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void shouldRecordUnconfirmedOnceWhenTheTimeoutIsReportedTwice() {
        fixture.given(OtpFixtures.requested(List.of()), dispatched(Channel.WHATSAPP, 0),
                        unconfirmed(Channel.WHATSAPP, 0))
                .when(new RecordOtpDeliveryUnconfirmedCommand(OTP_ID, Channel.WHATSAPP, 0))
                .expectNoEvents();
    }

    @Test
    void shouldKeepTheOtpWhenAResendFailsButTheSameCodeWasDeliveredBefore() {
        fixture.given(OtpFixtures.requested(List.of()), dispatched(Channel.WHATSAPP, 0),
                        new OtpDeliveredEvent(OTP_ID, Channel.WHATSAPP, 0, T0.plusSeconds(1)),
                        new OtpResentEvent(OTP_ID, 1, null, null, T0.plusSeconds(40)))
                .when(new RecordOtpDeliveryFailedCommand(OTP_ID, Channel.WHATSAPP, 1, "undeliverable"))
                .expectEvents(new OtpDeliveryFailedEvent(OTP_ID, Channel.WHATSAPP, 1, "undeliverable", NOW));
    }

    @Test
    void shouldFailTheOtpWhenEveryAttemptWithTheNewCodeFailed() {
        fixture.given(OtpFixtures.requested(List.of()), dispatched(Channel.WHATSAPP, 0),
                        new OtpDeliveredEvent(OTP_ID, Channel.WHATSAPP, 0, T0.plusSeconds(1)),
                        new OtpResentEvent(OTP_ID, 1, new byte[32], new byte[40], T0.plusSeconds(40)))
                .when(new RecordOtpDeliveryFailedCommand(OTP_ID, Channel.WHATSAPP, 1, "undeliverable"))
                .expectEvents(new OtpDeliveryFailedEvent(OTP_ID, Channel.WHATSAPP, 1, "undeliverable", NOW),
                        new OtpFailedEvent(OTP_ID, "undeliverable", NOW));
    }
}
