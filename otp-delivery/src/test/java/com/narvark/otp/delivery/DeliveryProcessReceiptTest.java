package com.narvark.otp.delivery;

import static com.narvark.otp.delivery.DeliveryProcessFixture.ID;
import static com.narvark.otp.delivery.DeliveryProcessFixture.T0;
import static com.narvark.otp.delivery.DeliveryProcessTest.requested;
import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.command.RecordOtpDeliveryUnconfirmedCommand;
import com.narvark.otp.api.event.OtpDeliveredEvent;
import com.narvark.otp.api.event.OtpDeliveryUnconfirmedEvent;
import com.narvark.otp.api.event.OtpDispatchedEvent;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Waiting for delivery receipts: a receipt stops the wait, silence is recorded unconfirmed (never failed). */
class DeliveryProcessReceiptTest {

    private final DeliveryProcessFixture fixture = new DeliveryProcessFixture();

    private static OtpDispatchedEvent dispatched(int attempt, Channel channel) {
        return new OtpDispatchedEvent(ID, channel, attempt, "carrier-" + attempt, T0);
    }

    @Test
    void shouldWaitForTheChannelsReceiptWhenTheCarrierAccepted() {
        fixture.publish(requested(true, Channel.SMS)).publish(dispatched(0, Channel.WHATSAPP));
        assertThat(fixture.due()).isEqualTo(DeliveryProcess.RECEIPT_TIMEOUT);
        assertThat(fixture.dueIn()).isEqualTo(Duration.ofSeconds(30));
        assertThat(fixture.commands()).isEmpty();
    }

    @Test
    void shouldStopWaitingWhenTheReceiptArrives() {
        fixture.publish(requested(true, Channel.SMS)).publish(dispatched(0, Channel.WHATSAPP))
                .publish(new OtpDeliveredEvent(ID, Channel.WHATSAPP, 0, T0));
        assertThat(fixture.dueIn()).isNull();
        assertThat(fixture.active()).isTrue();
    }

    @Test
    void shouldNotWaitForAReceiptThatCameBeforeTheDispatch() {
        fixture.publish(requested(true, Channel.SMS)).publish(new OtpDeliveredEvent(ID, Channel.WHATSAPP, 0, T0))
                .publish(dispatched(0, Channel.WHATSAPP)).elapse(Duration.ofMinutes(2));
        assertThat(fixture.dueIn()).isNull();
        assertThat(fixture.commands()).isEmpty();
        assertThat(fixture.sent()).hasSize(1);
    }

    @Test
    void shouldRecordTheAttemptUnconfirmedWhenNoReceiptArrivesInTime() {
        fixture.publish(requested(true, Channel.SMS)).publish(dispatched(0, Channel.WHATSAPP))
                .elapse(Duration.ofSeconds(30));
        assertThat(fixture.commands()).containsExactly(new RecordOtpDeliveryUnconfirmedCommand(ID, Channel.WHATSAPP, 0));
        assertThat(fixture.dueIn()).as("fired again if the event never comes").isEqualTo(DeliveryProcess.COMMAND_RETRY);
    }

    @Test
    void shouldSendTheSameCodeOnTheFallbackWhenThePrimaryWentUnconfirmed() {
        fixture.publish(requested(true, Channel.SMS)).publish(dispatched(0, Channel.WHATSAPP))
                .publish(new OtpDeliveryUnconfirmedEvent(ID, Channel.WHATSAPP, 0, T0.plusSeconds(30)));
        assertThat(fixture.due()).isEqualTo(DeliveryProcess.ATTEMPT_TIMEOUT);
        assertThat(fixture.dueIn()).isEqualTo(Duration.ofSeconds(15));
        assertThat(fixture.sent()).extracting(OutboundMessage::channel).containsExactly(Channel.WHATSAPP, Channel.SMS);
        assertThat(fixture.sent()).extracting(OutboundMessage::code).containsExactly("492817", "492817");
        assertThat(fixture.sent().get(1).attempt()).isEqualTo(1);
    }

    @Test
    void shouldSendNothingMoreButStayActiveWhenTheLastChannelWentUnconfirmed() {
        fixture.publish(requested(true)).publish(dispatched(0, Channel.WHATSAPP))
                .publish(new OtpDeliveryUnconfirmedEvent(ID, Channel.WHATSAPP, 0, T0.plusSeconds(30)));
        assertThat(fixture.active()).isTrue();
        assertThat(fixture.dueIn()).isNull();
        assertThat(fixture.commands()).isEmpty();
        assertThat(fixture.sent()).hasSize(1);
    }

    @Test
    void shouldIgnoreAnUnconfirmedEarlierAttemptWhenAFallbackIsUnderway() {
        fixture.publish(requested(true, Channel.SMS, Channel.VOICE))
                .publish(new OtpDeliveryUnconfirmedEvent(ID, Channel.WHATSAPP, 0, T0.plusSeconds(30)))
                .publish(new OtpDeliveryUnconfirmedEvent(ID, Channel.WHATSAPP, 0, T0.plusSeconds(30)));
        assertThat(fixture.dueIn()).isEqualTo(Duration.ofSeconds(15));
        assertThat(fixture.sent()).extracting(OutboundMessage::channel).containsExactly(Channel.WHATSAPP, Channel.SMS);
    }
}
