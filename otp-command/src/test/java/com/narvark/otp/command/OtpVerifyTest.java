package com.narvark.otp.command;

import static com.narvark.otp.command.OtpFixtures.ACCOUNT;
import static com.narvark.otp.command.OtpFixtures.LIVE_CODE;
import static com.narvark.otp.command.OtpFixtures.OTP_ID;
import static com.narvark.otp.command.OtpFixtures.T0;

import com.narvark.otp.api.GuardPolicy;
import com.narvark.otp.api.OtpErrorCode;
import com.narvark.otp.api.OtpStatus;
import com.narvark.otp.api.command.VerificationResult;
import com.narvark.otp.api.command.VerifyOtpCommand;
import com.narvark.otp.api.event.OtpExpiredEvent;
import com.narvark.otp.api.event.OtpLockedEvent;
import com.narvark.otp.api.event.OtpVerificationFailedEvent;
import com.narvark.otp.api.event.OtpVerifiedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class OtpVerifyTest {

    private final OtpFixtures.MovableClock clock = new OtpFixtures.MovableClock();
    private final AggregateTestFixture<Otp> fixture = OtpFixtures.fixture(clock);
    private final Instant now = T0.plusSeconds(30);

    OtpVerifyTest() {
        clock.set(now);
    }

    private static VerifyOtpCommand verify(String code) {
        return OtpFixtures.verify(code);
    }

    @Test
    void shouldConsumeTheOtpWhenTheRightCodeIsPresented() {
        fixture.given(OtpFixtures.requested(List.of()))
                .when(verify(LIVE_CODE))
                .expectEvents(new OtpVerifiedEvent(OTP_ID, 1, now))
                .expectResultMessagePayload(new VerificationResult(OTP_ID, true, true, OtpStatus.VERIFIED, 4));
    }

    @Test
    void shouldVerifyWhenTheOtpWasSentThroughTheSendHandler() {
        clock.set(T0);
        fixture.givenCommands(OtpFixtures.send(true, List.of()))
                .when(verify(LIVE_CODE))
                .expectEvents(new OtpVerifiedEvent(OTP_ID, 1, T0));
    }

    @Test
    void shouldLockWhenTheFifthWrongCodeFollowsFourVerifyCommands() {
        clock.set(T0);
        fixture.givenCommands(OtpFixtures.send(true, List.of()), verify("000000"), verify("000000"),
                        verify("000000"), verify("000000"))
                .when(verify("000000"))
                .expectEvents(new OtpVerificationFailedEvent(OTP_ID, 5, 0, T0), new OtpLockedEvent(OTP_ID, T0));
    }

    @Test
    void shouldCountAWrongCodeAsAnAttemptWhenTheCodeIsWrong() {
        fixture.given(OtpFixtures.requested(List.of()))
                .when(verify("000000"))
                .expectEvents(new OtpVerificationFailedEvent(OTP_ID, 1, 4, now))
                .expectResultMessagePayload(new VerificationResult(OTP_ID, false, false, OtpStatus.PENDING, 4));
    }

    @Test
    void shouldLockWhenTheFifthWrongCodeIsPresented() {
        fixture.given(OtpFixtures.requested(List.of()), failed(1), failed(2), failed(3), failed(4))
                .when(verify("000000"))
                .expectEvents(new OtpVerificationFailedEvent(OTP_ID, 5, 0, now), new OtpLockedEvent(OTP_ID, now))
                .expectResultMessagePayload(new VerificationResult(OTP_ID, false, false, OtpStatus.LOCKED, 0));
    }

    @Test
    void shouldRefuseTheRightCodeWhenLocked() {
        fixture.given(OtpFixtures.requested(List.of()), failed(1), failed(2), failed(3), failed(4), failed(5),
                        new OtpLockedEvent(OTP_ID, now))
                .when(verify(LIVE_CODE))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new VerificationResult(OTP_ID, false, false, OtpStatus.LOCKED, 0))
                .expectEvents();
    }

    @Test
    void shouldAnswerConsumedWhenVerifiedTwice() {
        fixture.given(OtpFixtures.requested(List.of()), new OtpVerifiedEvent(OTP_ID, 1, now))
                .when(verify(LIVE_CODE))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new VerificationResult(OTP_ID, false, true, OtpStatus.VERIFIED, 4))
                .expectEvents();
    }

    @Test
    void shouldRefuseAndExpireWhenVerifiedAfterTheTtl() {
        // Sent at T0 whatever the clock says: the command carries its request time.
        clock.set(T0.plus(Duration.ofSeconds(OtpFixtures.TTL)));
        fixture.givenCommands(OtpFixtures.send(true, List.of()))
                .when(verify(LIVE_CODE))
                .expectEvents(new OtpExpiredEvent(OTP_ID, T0.plusSeconds(OtpFixtures.TTL)))
                .expectResultMessagePayload(new VerificationResult(OTP_ID, false, false, OtpStatus.EXPIRED, 5));
    }

    @Test
    void shouldAnswerNotFoundWhenAnotherAccountVerifies() {
        fixture.given(OtpFixtures.requested(List.of()))
                .when(new VerifyOtpCommand(OTP_ID, "acct_other", true, LIVE_CODE, GuardPolicy.DEFAULT))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(OtpErrorCode.OTP_NOT_FOUND)
                .expectNoEvents();
    }

    @Test
    void shouldAnswerNotFoundWhenTheOtherEnvironmentVerifies() {
        fixture.given(OtpFixtures.requested(List.of()))
                .when(new VerifyOtpCommand(OTP_ID, ACCOUNT, false, LIVE_CODE, GuardPolicy.DEFAULT))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(OtpErrorCode.OTP_NOT_FOUND)
                .expectNoEvents();
    }

    private OtpVerificationFailedEvent failed(int used) {
        return new OtpVerificationFailedEvent(OTP_ID, used, 5 - used, now);
    }
}
