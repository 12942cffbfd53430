package com.narvark.otp.command;

import static com.narvark.otp.command.OtpFixtures.ACCOUNT;
import static com.narvark.otp.command.OtpFixtures.LIVE_CODE;
import static com.narvark.otp.command.OtpFixtures.OTP_ID;
import static com.narvark.otp.command.OtpFixtures.T0;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.Destination;
import com.narvark.otp.api.GuardReason;
import com.narvark.otp.api.OtpErrorCode;
import com.narvark.otp.api.OtpRefusal;
import com.narvark.otp.api.OtpStatus;
import com.narvark.otp.api.command.CancelOtpCommand;
import com.narvark.otp.api.command.RecordOtpDispatchedCommand;
import com.narvark.otp.api.command.ResendOtpCommand;
import com.narvark.otp.api.command.VerificationResult;
import com.narvark.otp.api.event.OtpSendRefusedEvent;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/** A send a fraud guard refused: it has no code and no delivery, and every command meets a rule, not a null. */
class OtpRefusedTest {

    private static final OtpSendRefusedEvent REFUSED = new OtpSendRefusedEvent(OTP_ID, ACCOUNT, true,
            new Destination(Destination.Kind.PHONE, "+447911123456"), Channel.WHATSAPP, 6, Map.of(),
            GuardReason.DESTINATION_RATE_LIMITED, T0);

    private final OtpFixtures.MovableClock clock = new OtpFixtures.MovableClock();
    private final AggregateTestFixture<Otp> fixture = OtpFixtures.fixture(clock);

    @Test
    void shouldAnswerRefusedWithNoAttemptsLeftWhenVerified() {
        fixture.given(REFUSED)
                .when(OtpFixtures.verify(LIVE_CODE))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new VerificationResult(OTP_ID, false, false, OtpStatus.REFUSED, 0))
                .expectNoEvents();
    }

    @Test
    void shouldRefuseAResendWhenTheSendWasRefused() {
        clock.set(T0.plusSeconds(60));
        fixture.given(REFUSED)
                .when(new ResendOtpCommand(OTP_ID, ACCOUNT, true, true))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(new OtpRefusal(OtpErrorCode.OTP_NOT_ACTIVE, 0))
                .expectNoEvents();
    }

    @Test
    void shouldRefuseACarrierReportWhenTheSendWasRefused() {
        fixture.given(REFUSED)
                .when(new RecordOtpDispatchedCommand(OTP_ID, Channel.WHATSAPP, 0, "wamid.1"))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(OtpErrorCode.INVALID_STATE)
                .expectNoEvents();
    }

    @Test
    void shouldRefuseToCancelWhenTheSendWasRefused() {
        fixture.given(REFUSED)
                .when(new CancelOtpCommand(OTP_ID, ACCOUNT, true))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(new OtpRefusal(OtpErrorCode.OTP_NOT_ACTIVE, 0))
                .expectNoEvents();
    }

    @Test
    void shouldAnswerNotFoundWhenAnotherAccountAsksAboutARefusedSend() {
        fixture.given(REFUSED)
                .when(new ResendOtpCommand(OTP_ID, "acct_other", true, false))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(OtpErrorCode.OTP_NOT_FOUND);
    }
}
