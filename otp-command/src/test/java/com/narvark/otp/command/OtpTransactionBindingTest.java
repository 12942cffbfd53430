package com.narvark.otp.command;

import static com.narvark.otp.command.OtpFixtures.ACCOUNT;
import static com.narvark.otp.command.OtpFixtures.CIPHER;
import static com.narvark.otp.command.OtpFixtures.DEADLINE_ID;
import static com.narvark.otp.command.OtpFixtures.HASHER;
import static com.narvark.otp.command.OtpFixtures.LIVE_CODE;
import static com.narvark.otp.command.OtpFixtures.OTP_ID;
import static com.narvark.otp.command.OtpFixtures.T0;
import static com.narvark.otp.command.OtpFixtures.TTL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.Destination;
import com.narvark.otp.api.GuardPolicy;
import com.narvark.otp.api.OtpStatus;
import com.narvark.otp.api.command.ResendOtpCommand;
import com.narvark.otp.api.command.SendOtpCommand;
import com.narvark.otp.api.command.VerificationResult;
import com.narvark.otp.api.command.VerifyOtpCommand;
import com.narvark.otp.api.event.OtpLockedEvent;
import com.narvark.otp.api.event.OtpRequestedEvent;
import com.narvark.otp.api.event.OtpResentEvent;
import com.narvark.otp.api.event.OtpVerificationFailedEvent;
import com.narvark.otp.api.event.OtpVerifiedEvent;
import com.narvark.otp.api.message.MessageOptions;
import com.narvark.otp.api.message.OtpTransaction;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/** PSD2 dynamic linking: a code sent for a transaction verifies for that transaction only. */
class OtpTransactionBindingTest {

    private static final OtpTransaction PAYMENT = new OtpTransaction("42.00", "EUR", "ACME Shop");
    private static final MessageOptions MESSAGE = new MessageOptions("Acme Bank", "de", null, null);

    private final OtpFixtures.MovableClock clock = new OtpFixtures.MovableClock();
    private final AggregateTestFixture<Otp> fixture = OtpFixtures.fixture(clock);
    private final Instant now = T0.plusSeconds(30);

    OtpTransactionBindingTest() {
        clock.set(now);
    }

    @Test
    void shouldVerifyWhenTheSameTransactionComesWithTheRightCode() {
        fixture.given(requested())
                .when(verify(LIVE_CODE, new OtpTransaction("42.00", "EUR", "ACME Shop")))
                .expectEvents(new OtpVerifiedEvent(OTP_ID, 1, now))
                .expectResultMessagePayload(new VerificationResult(OTP_ID, true, true, OtpStatus.VERIFIED, 4));
    }

    @Test
    void shouldRefuseAsTransactionMismatchWhenTheAmountDiffers() {
        fixture.given(requested())
                .when(verify(LIVE_CODE, new OtpTransaction("420.00", "EUR", "ACME Shop")))
                .expectEvents(new OtpVerificationFailedEvent(OTP_ID, 1, 4, now,
                        VerificationResult.TRANSACTION_MISMATCH))
                .expectResultMessagePayload(new VerificationResult(OTP_ID, false, false, OtpStatus.PENDING, 4,
                        VerificationResult.TRANSACTION_MISMATCH));
    }

    @Test
    void shouldRefuseAsTransactionMismatchWhenTheVerifyCarriesNoTransaction() {
        fixture.given(requested())
                .when(verify(LIVE_CODE, null))
                .expectEvents(new OtpVerificationFailedEvent(OTP_ID, 1, 4, now,
                        VerificationResult.TRANSACTION_MISMATCH));
    }

    @Test
    void shouldRefuseAsTransactionMismatchWhenAnOtpWithoutTransactionIsVerifiedWithOne() {
        fixture.given(OtpFixtures.requested(List.of()))
                .when(verify(LIVE_CODE, PAYMENT))
                .expectEvents(new OtpVerificationFailedEvent(OTP_ID, 1, 4, now,
                        VerificationResult.TRANSACTION_MISMATCH));
    }

    @Test
    void shouldReportAWrongCodeWithoutReasonWhenTheTransactionMatches() {
        fixture.given(requested())
                .when(verify("000000", PAYMENT))
                .expectEvents(new OtpVerificationFailedEvent(OTP_ID, 1, 4, now))
                .expectResultMessagePayload(new VerificationResult(OTP_ID, false, false, OtpStatus.PENDING, 4));
    }

    @Test
    void shouldLockWhenMismatchesUseUpTheAttempts() {
        fixture.given(requested(), new OtpVerificationFailedEvent(OTP_ID, 4, 1, now))
                .when(verify(LIVE_CODE, new OtpTransaction("42.00", "EUR", "Mallory Ltd")))
                .expectEvents(new OtpVerificationFailedEvent(OTP_ID, 5, 0, now,
                        VerificationResult.TRANSACTION_MISMATCH), new OtpLockedEvent(OTP_ID, now));
    }

    @Test
    void shouldBindTheTransactionIntoTheStoredHashWhenSent() {
        clock.set(T0);
        fixture.givenNoPriorActivity()
                .when(send())
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloadsMatching(
                        exactSequenceOf(
                                predicate(payload -> {
                                    OtpRequestedEvent e = (OtpRequestedEvent) payload;
                                    return PAYMENT.equals(e.transaction()) && MESSAGE.equals(e.message())
                                            && HASHER.matches(OTP_ID, LIVE_CODE, PAYMENT, e.codeHash())
                                            && !HASHER.matches(OTP_ID, LIVE_CODE, e.codeHash());
                                }),
                                andNoMore())));
    }

    @Test
    void shouldBindANewCodeToTheSameTransactionWhenResent() {
        clock.set(T0.plusSeconds(120));
        fixture.given(requested())
                .when(new ResendOtpCommand(OTP_ID, ACCOUNT, true, true))
                .expectEventsMatching(payloadsMatching(
                        exactSequenceOf(
                                predicate(payload ->
                                        HASHER.matches(OTP_ID, LIVE_CODE, PAYMENT,
                                                ((OtpResentEvent) payload).codeHash())),
                                andNoMore())));
    }

    @Test
    void shouldHashWithoutTransactionExactlyAsBeforeWhenNoneIsGiven() {
        assertThat(HASHER.hash(OTP_ID, LIVE_CODE, null)).isEqualTo(HASHER.hash(OTP_ID, LIVE_CODE));
        assertThat(HASHER.hash(OTP_ID, LIVE_CODE, PAYMENT)).isNotEqualTo(HASHER.hash(OTP_ID, LIVE_CODE));
    }

    private static VerifyOtpCommand verify(String code, OtpTransaction transaction) {
        return new VerifyOtpCommand(OTP_ID, ACCOUNT, true, code, GuardPolicy.DEFAULT, transaction);
    }

    private static SendOtpCommand send() {
        return new SendOtpCommand(OTP_ID, ACCOUNT, true, new Destination(Destination.Kind.PHONE, "+4915112345678"),
                "DE", Channel.SMS, List.of(), 6, TTL, 5, null, Map.of(), GuardPolicy.DEFAULT, T0, MESSAGE, PAYMENT);
    }

    private static OtpRequestedEvent requested() {
        return new OtpRequestedEvent(OTP_ID, ACCOUNT, true, new Destination(Destination.Kind.PHONE, "+4915112345678"),
                Channel.SMS, List.of(), 6, 5, null, Map.of(), HASHER.hash(OTP_ID, LIVE_CODE, PAYMENT),
                CIPHER.encrypt(LIVE_CODE, OTP_ID), T0, T0.plusSeconds(TTL), DEADLINE_ID, MESSAGE, PAYMENT);
    }
}
