package com.narvark.otp.command;

import static com.narvark.otp.command.OtpFixtures.OTP_ID;
import static com.narvark.otp.command.OtpFixtures.T0;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.OtpErrorCode;
import com.narvark.otp.api.command.RecordOtpDeliveredCommand;
import com.narvark.otp.api.command.RecordOtpDeliveryFailedCommand;
import com.narvark.otp.api.command.RecordOtpDispatchedCommand;
import com.narvark.otp.api.command.RecordOtpReadCommand;
import com.narvark.otp.api.event.OtpDeliveredEvent;
import com.narvark.otp.api.event.OtpDeliveryFailedEvent;
import com.narvark.otp.api.event.OtpDispatchedEvent;
import com.narvark.otp.api.event.OtpFailedEvent;
import com.narvark.otp.api.event.OtpReadEvent;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/** Carrier outcomes (expiry has {@link OtpExpiryTest}). */
class OtpLifecycleTest {

    private final OtpFixtures.MovableClock clock = new OtpFixtures.MovableClock();
    private final AggregateTestFixture<Otp> fixture = OtpFixtures.fixture(clock);

    @Test
    void shouldRecordDispatchOnceWhenTheCarrierRepeatsItself() {
        clock.set(T0.plusMillis(20));
        fixture.given(OtpFixtures.requested(List.of(Channel.SMS)),
                        new OtpDispatchedEvent(OTP_ID, Channel.WHATSAPP, 0, "wamid.1", T0.plusMillis(10)))
                .when(new RecordOtpDispatchedCommand(OTP_ID, Channel.WHATSAPP, 0, "wamid.1"))
                .expectSuccessfulHandlerExecution()
                .expectEvents();
    }

    @Test
    void shouldRecordDispatchDeliveryAndReadWhenTheCarrierReportsThem() {
        clock.set(T0.plusMillis(20));
        fixture.given(OtpFixtures.requested(List.of()),
                        new OtpDispatchedEvent(OTP_ID, Channel.WHATSAPP, 0, "wamid.1", T0.plusMillis(10)),
                        new OtpDeliveredEvent(OTP_ID, Channel.WHATSAPP, 0, T0.plusMillis(15)))
                .when(new RecordOtpReadCommand(OTP_ID, Channel.WHATSAPP, 0))
                .expectEvents(new OtpReadEvent(OTP_ID, Channel.WHATSAPP, 0, T0.plusMillis(20)));
        fixture.given(OtpFixtures.requested(List.of()))
                .when(new RecordOtpDeliveredCommand(OTP_ID, Channel.WHATSAPP, 0))
                .expectEvents(new OtpDeliveredEvent(OTP_ID, Channel.WHATSAPP, 0, T0.plusMillis(20)));
    }

    @Test
    void shouldRefuseAReceiptWhenTheAttemptDoesNotExist() {
        fixture.given(OtpFixtures.requested(List.of()))
                .when(new RecordOtpDispatchedCommand(OTP_ID, Channel.SMS, 1, "SM1"))
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(OtpErrorCode.INVALID_STATE)
                .expectNoEvents();
    }

    @Test
    void shouldKeepTheOtpAliveWhenOnlyThePrimaryChannelFailed() {
        clock.set(T0.plusMillis(20));
        fixture.given(OtpFixtures.requested(List.of(Channel.SMS)))
                .when(new RecordOtpDeliveryFailedCommand(OTP_ID, Channel.WHATSAPP, 0, "not_on_whatsapp"))
                .expectEvents(new OtpDeliveryFailedEvent(OTP_ID, Channel.WHATSAPP, 0, "not_on_whatsapp",
                        T0.plusMillis(20)));
    }

    @Test
    void shouldFailTheOtpWhenTheLastChannelFailed() {
        clock.set(T0.plusMillis(20));
        fixture.givenCommands(OtpFixtures.send(true, List.of(Channel.SMS)),
                        new RecordOtpDeliveryFailedCommand(OTP_ID, Channel.WHATSAPP, 0, "not_on_whatsapp"))
                .when(new RecordOtpDeliveryFailedCommand(OTP_ID, Channel.SMS, 1, "unreachable"))
                .expectEvents(new OtpDeliveryFailedEvent(OTP_ID, Channel.SMS, 1, "unreachable", T0.plusMillis(20)),
                        new OtpFailedEvent(OTP_ID, "unreachable", T0.plusMillis(20)));
    }
}
