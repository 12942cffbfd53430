package com.narvark.otp.command;

import static com.narvark.otp.command.OtpFixtures.ACCOUNT;
import static com.narvark.otp.command.OtpFixtures.OTP_ID;
import static com.narvark.otp.command.OtpFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.equalTo;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.Destination;
import com.narvark.otp.api.GuardPolicy;
import com.narvark.otp.api.GuardReason;
import com.narvark.otp.api.OtpStatus;
import com.narvark.otp.api.command.SendOtpResult;
import com.narvark.otp.api.command.VerificationResult;
import com.narvark.otp.api.command.VerifyOtpCommand;
import com.narvark.otp.api.event.OtpGuardTrippedEvent;
import com.narvark.otp.api.event.OtpLockedEvent;
import com.narvark.otp.api.event.OtpRequestedEvent;
import com.narvark.otp.api.event.OtpSendRefusedEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/** The fraud guards on send and verify: allowlist, destination send limit, destination wrong-code cap. */
class OtpFraudGuardTest {

    private static final Destination TO = new Destination(Destination.Kind.PHONE, "+447911123456");

    private final OtpFixtures.MovableClock clock = new OtpFixtures.MovableClock();
    private final InMemoryDestinationLedger ledger = new InMemoryDestinationLedger();
    private final AggregateTestFixture<Otp> fixture = OtpFixtures.fixture(clock,
            new FraudGuards(ledger, FraudGuards.Limits.DEFAULT));

    @Test
    void shouldRecordARefusalWhenTheCountryIsNotAllowed() {
        GuardPolicy onlyFrance = new GuardPolicy(Set.of("FR"), false);
        fixture.givenNoPriorActivity()
                .when(OtpFixtures.send(true, List.of(), onlyFrance, "GB"))
                .expectResultMessagePayload(new SendOtpResult(OTP_ID, GuardReason.COUNTRY_NOT_ALLOWED, 0))
                .expectEvents(new OtpSendRefusedEvent(OTP_ID, ACCOUNT, true, TO, Channel.WHATSAPP, 6,
                        Map.of("order", "42"), GuardReason.COUNTRY_NOT_ALLOWED, T0));
    }

    @Test
    void shouldRefuseTheSixthOtpToOneDestinationWithinTenMinutes() {
        for (int i = 0; i < 5; i++) {
            ledger.recordSend("otp_" + i, ACCOUNT, TO, T0.minusSeconds(500 - i * 60L));
        }
        // The oldest of the five leaves the window 100 s from now.
        fixture.givenNoPriorActivity()
                .when(OtpFixtures.send(true, List.of()))
                .expectResultMessagePayload(new SendOtpResult(OTP_ID, GuardReason.DESTINATION_RATE_LIMITED, 100))
                .expectEvents(new OtpSendRefusedEvent(OTP_ID, ACCOUNT, true, TO, Channel.WHATSAPP, 6,
                        Map.of("order", "42"), GuardReason.DESTINATION_RATE_LIMITED, T0));
    }

    @Test
    void shouldLetTestKeysThroughWhenTheDestinationLimitIsReached() {
        for (int i = 0; i < 5; i++) {
            ledger.recordSend("otp_" + i, ACCOUNT, TO, T0.minusSeconds(10));
        }
        fixture.givenNoPriorActivity()
                .when(OtpFixtures.send(false, List.of()))
                .expectResultMessagePayload(SendOtpResult.accepted(OTP_ID));
    }

    @Test
    void shouldSendAndRecordTheTripWhenTheAccountOnlyMonitors() {
        for (int i = 0; i < 5; i++) {
            ledger.recordSend("otp_" + i, ACCOUNT, TO, T0.minusSeconds(10));
        }
        fixture.givenNoPriorActivity()
                .when(OtpFixtures.send(true, List.of(), new GuardPolicy(Set.of(), true), "GB"))
                .expectResultMessagePayload(SendOtpResult.accepted(OTP_ID))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        matches((Object payload) -> payload instanceof OtpRequestedEvent),
                        equalTo(new OtpGuardTrippedEvent(OTP_ID, GuardReason.DESTINATION_RATE_LIMITED, false, T0)),
                        andNoMore())));
    }

    @Test
    void shouldLockWithoutCheckingTheCodeWhenTheDestinationHadAHundredWrongCodesToday() {
        for (int i = 0; i < 100; i++) {
            ledger.recordFailure(ACCOUNT, TO, T0.minus(Duration.ofHours(20)));
        }
        clock.set(T0.plusSeconds(5));
        fixture.given(OtpFixtures.requested(List.of()))
                .when(OtpFixtures.verify(OtpFixtures.LIVE_CODE))
                .expectResultMessagePayload(new VerificationResult(OTP_ID, false, false, OtpStatus.LOCKED, 5))
                .expectEvents(new OtpGuardTrippedEvent(OTP_ID, GuardReason.DESTINATION_FAILURE_CAP, true,
                                T0.plusSeconds(5)), new OtpLockedEvent(OTP_ID, T0.plusSeconds(5)));
    }

    @Test
    void shouldVerifyAndRecordTheTripWhenTheCapIsReachedInMonitorMode() {
        for (int i = 0; i < 100; i++) {
            ledger.recordFailure(ACCOUNT, TO, T0.minus(Duration.ofHours(20)));
        }
        clock.set(T0.plusSeconds(5));
        fixture.given(OtpFixtures.requested(List.of()))
                .when(new VerifyOtpCommand(OTP_ID, ACCOUNT, true, OtpFixtures.LIVE_CODE, new GuardPolicy(Set.of(), true)))
                .expectResultMessagePayload(new VerificationResult(OTP_ID, true, true, OtpStatus.VERIFIED, 4));
    }

    @Test
    void shouldRefuseNewOtpsToTheDestinationWhenItsWrongCodeCapIsReached() {
        for (int i = 0; i < 100; i++) {
            ledger.recordFailure(ACCOUNT, TO, T0.minus(Duration.ofHours(23)));
        }
        fixture.givenNoPriorActivity()
                .when(OtpFixtures.send(true, List.of()))
                .expectResultMessagePayload(new SendOtpResult(OTP_ID, GuardReason.DESTINATION_FAILURE_CAP, 3600));
    }

    @Test
    void shouldCountEveryWrongCodeOfALiveOtpInTheLedger() {
        clock.set(T0.plusSeconds(5));
        fixture.given(OtpFixtures.requested(List.of()))
                .when(OtpFixtures.verify("000000"))
                .expectSuccessfulHandlerExecution();
        assertThat(ledger.failures(ACCOUNT, TO, T0)).hasSize(1);
    }
}
