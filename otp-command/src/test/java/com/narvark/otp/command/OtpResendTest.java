package com.narvark.otp.command;

import static com.narvark.otp.command.OtpFixtures.ACCOUNT;
import static com.narvark.otp.command.OtpFixtures.HASHER;
import static com.narvark.otp.command.OtpFixtures.LIVE_CODE;
import static com.narvark.otp.command.OtpFixtures.OTP_ID;
import static com.narvark.otp.command.OtpFixtures.T0;
import static com.narvark.otp.command.OtpFixtures.TTL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.OtpErrorCode;
import com.narvark.otp.api.OtpRefusal;
import com.narvark.otp.api.OtpStatus;
import com.narvark.otp.api.command.CancelOtpCommand;
import com.narvark.otp.api.command.RecordOtpDeliveryFailedCommand;
import com.narvark.otp.api.command.RecordOtpDispatchedCommand;
import com.narvark.otp.api.command.ResendOtpCommand;
import com.narvark.otp.api.command.VerificationResult;
import com.narvark.otp.api.event.OtpCancelledEvent;
import com.narvark.otp.api.event.OtpDeliveryFailedEvent;
import com.narvark.otp.api.event.OtpDispatchedEvent;
import com.narvark.otp.api.event.OtpFailedEvent;
import com.narvark.otp.api.event.OtpResentEvent;
import com.narvark.otp.api.event.OtpVerificationFailedEvent;
import com.narvark.otp.api.event.OtpVerifiedEvent;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/** Resends (cooldown, cap, same or new code, delivery rounds) and cancellation. */
class OtpResendTest {

    private final OtpFixtures.MovableClock clock = new OtpFixtures.MovableClock();
    private final AggregateTestFixture<Otp> fixture = OtpFixtures.fixture(clock);

    private static ResendOtpCommand resend(boolean newCode) {
        return new ResendOtpCommand(OTP_ID, ACCOUNT, true, newCode);
    }

    @Test
    void shouldStartASecondRoundWithTheSameCodeWhenResentAfterTheCooldown() {
        clock.set(T0.plusSeconds(30));
        fixture.given(OtpFixtures.requested(List.of(Channel.SMS)))
                .when(resend(false))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OtpResentEvent(OTP_ID, 1, null, null, T0.plusSeconds(30)));
    }

    @Test
    void shouldRefuseWithRetryAfterWhenResentWithinTheCooldown() {
        clock.set(T0.plusSeconds(12));
        fixture.given(OtpFixtures.requested(List.of()))
                .when(resend(false))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(new OtpRefusal(OtpErrorCode.RESEND_TOO_SOON, 18))
                .expectNoEvents();
    }

    @Test
    void shouldCountTheCooldownFromTheLastResendWhenResentAgain() {
        clock.set(T0.plusSeconds(50));
        fixture.given(OtpFixtures.requested(List.of()), new OtpResentEvent(OTP_ID, 1, null, null, T0.plusSeconds(40)))
                .when(resend(false))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(new OtpRefusal(OtpErrorCode.RESEND_TOO_SOON, 20));
    }

    @Test
    void shouldRefuseTheSixthSendWhenFiveWereMade() {
        clock.set(T0.plusSeconds(200));
        fixture.given(OtpFixtures.requested(List.of()), resent(1, 30), resent(2, 60), resent(3, 90), resent(4, 120))
                .when(resend(false))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(new OtpRefusal(OtpErrorCode.RESEND_LIMIT_REACHED, 0))
                .expectNoEvents();
    }

    @Test
    void shouldRefuseAResendWhenTheOtpHasEnded() {
        clock.set(T0.plusSeconds(60));
        fixture.given(OtpFixtures.requested(List.of()), new OtpVerifiedEvent(OTP_ID, 1, T0.plusSeconds(20)))
                .when(resend(true))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(new OtpRefusal(OtpErrorCode.OTP_NOT_ACTIVE, 0));
    }

    @Test
    void shouldRefuseAResendWhenTheOtpIsPastItsExpiry() {
        clock.set(T0.plusSeconds(TTL));
        fixture.given(OtpFixtures.requested(List.of()))
                .when(resend(false))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(new OtpRefusal(OtpErrorCode.OTP_NOT_ACTIVE, 0));
    }

    @Test
    void shouldReplaceTheCodeWhenResentWithANewOne() {
        clock.set(T0.plusSeconds(45));
        AtomicReference<OtpResentEvent> recorded = new AtomicReference<>();
        // The fixture's generator answers the same digits; what matters is a fresh hash and ciphertext.
        fixture.given(OtpFixtures.requested(List.of()))
                .when(resend(true))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(matches((Object payload) -> {
                    recorded.set((OtpResentEvent) payload);
                    return true;
                }), andNoMore())));
        assertThat(recorded.get().newCode()).isTrue();
        assertThat(HASHER.matches(OTP_ID, LIVE_CODE, recorded.get().codeHash())).isTrue();
        assertThat(OtpFixtures.CIPHER.decrypt(recorded.get().encryptedCode(), OTP_ID)).isEqualTo(LIVE_CODE);
    }

    @Test
    void shouldKeepTheWrongAttemptCountWhenResent() {
        clock.set(T0.plusSeconds(100));
        fixture.given(OtpFixtures.requested(List.of()), new OtpVerificationFailedEvent(OTP_ID, 4, 1, T0.plusSeconds(5)),
                        resent(1, 60))
                .when(OtpFixtures.verify("000000"))
                .expectResultMessagePayload(new VerificationResult(OTP_ID, false, false, OtpStatus.LOCKED, 0));
    }

    @Test
    void shouldAcceptReceiptsOfTheNewRoundWhenResent() {
        clock.set(T0.plusSeconds(61));
        fixture.given(OtpFixtures.requested(List.of(Channel.SMS)), resent(1, 60))
                .when(new RecordOtpDispatchedCommand(OTP_ID, Channel.WHATSAPP, 2, "wamid.2"))
                .expectEvents(new OtpDispatchedEvent(OTP_ID, Channel.WHATSAPP, 2, "wamid.2", T0.plusSeconds(61)));
    }

    @Test
    void shouldFailOnlyWhenTheLastChannelOfTheCurrentRoundFails() {
        clock.set(T0.plusSeconds(70));
        fixture.given(OtpFixtures.requested(List.of(Channel.SMS)), resent(1, 60))
                .when(new RecordOtpDeliveryFailedCommand(OTP_ID, Channel.SMS, 1, "undeliverable"))
                .expectEvents(new OtpDeliveryFailedEvent(OTP_ID, Channel.SMS, 1, "undeliverable", T0.plusSeconds(70)));
        fixture.given(OtpFixtures.requested(List.of(Channel.SMS)), resent(1, 60))
                .when(new RecordOtpDeliveryFailedCommand(OTP_ID, Channel.SMS, 3, "undeliverable"))
                .expectEvents(new OtpDeliveryFailedEvent(OTP_ID, Channel.SMS, 3, "undeliverable", T0.plusSeconds(70)),
                        new OtpFailedEvent(OTP_ID, "undeliverable", T0.plusSeconds(70)));
    }

    @Test
    void shouldEndTheOtpWhenCancelled() {
        clock.set(T0.plusSeconds(10));
        fixture.givenCommands(OtpFixtures.send(true, List.of()))
                .when(new CancelOtpCommand(OTP_ID, ACCOUNT, true))
                .expectEvents(new OtpCancelledEvent(OTP_ID, T0.plusSeconds(10)));
        fixture.given(OtpFixtures.requested(List.of()), new OtpCancelledEvent(OTP_ID, T0))
                .when(OtpFixtures.verify(LIVE_CODE))
                .expectResultMessagePayload(new VerificationResult(OTP_ID, false, false, OtpStatus.CANCELLED, 5));
    }

    @Test
    void shouldChangeNothingWhenCancelledTwice() {
        fixture.given(OtpFixtures.requested(List.of()), new OtpCancelledEvent(OTP_ID, T0))
                .when(new CancelOtpCommand(OTP_ID, ACCOUNT, true))
                .expectSuccessfulHandlerExecution()
                .expectEvents();
    }

    @Test
    void shouldRefuseToCancelWhenTheOtpWasVerified() {
        fixture.given(OtpFixtures.requested(List.of()), new OtpVerifiedEvent(OTP_ID, 1, T0))
                .when(new CancelOtpCommand(OTP_ID, ACCOUNT, true))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(new OtpRefusal(OtpErrorCode.OTP_NOT_ACTIVE, 0));
    }

    @Test
    void shouldAnswerNotFoundWhenAnotherAccountResendsOrCancels() {
        fixture.given(OtpFixtures.requested(List.of()))
                .when(new ResendOtpCommand(OTP_ID, "acct_other", true, false))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(OtpErrorCode.OTP_NOT_FOUND);
        fixture.given(OtpFixtures.requested(List.of()))
                .when(new CancelOtpCommand(OTP_ID, ACCOUNT, false))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(OtpErrorCode.OTP_NOT_FOUND);
    }

    private static OtpResentEvent resent(int round, int secondsAfterT0) {
        Instant at = T0.plusSeconds(secondsAfterT0);
        return new OtpResentEvent(OTP_ID, round, null, null, at);
    }
}
