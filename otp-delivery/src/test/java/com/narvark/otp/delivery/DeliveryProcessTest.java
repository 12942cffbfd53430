package com.narvark.otp.delivery;

import static com.narvark.otp.delivery.DeliveryProcessFixture.CIPHER;
import static com.narvark.otp.delivery.DeliveryProcessFixture.ID;
import static com.narvark.otp.delivery.DeliveryProcessFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.Destination;
import com.narvark.otp.api.command.RecordOtpDeliveryFailedCommand;
import com.narvark.otp.api.event.OtpCancelledEvent;
import com.narvark.otp.api.event.OtpDeliveryFailedEvent;
import com.narvark.otp.api.event.OtpExpiredEvent;
import com.narvark.otp.api.event.OtpFailedEvent;
import com.narvark.otp.api.event.OtpLockedEvent;
import com.narvark.otp.api.event.OtpRequestedEvent;
import com.narvark.otp.api.event.OtpResentEvent;
import com.narvark.otp.api.event.OtpVerifiedEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliveryProcessTest {

    private final DeliveryProcessFixture fixture = new DeliveryProcessFixture();

    static OtpRequestedEvent requested(boolean livemode, Channel... fallback) {
        return new OtpRequestedEvent(ID, "acct", livemode, new Destination(Destination.Kind.PHONE, "+447911123456"),
                Channel.WHATSAPP, List.of(fallback), 6, 5, "otp_verification", Map.of(), new byte[32],
                CIPHER.encrypt("492817", ID), T0, T0.plusSeconds(300), "d1");
    }

    private void expectAttemptTimeoutIn(Duration duration) {
        assertThat(fixture.due()).isEqualTo(DeliveryProcess.ATTEMPT_TIMEOUT);
        assertThat(fixture.dueIn()).isEqualTo(duration);
    }

    @Test
    void shouldSendOnThePrimaryChannelWhenTheOtpIsRequested() {
        fixture.publish(requested(true, Channel.SMS));
        assertThat(fixture.active()).isTrue();
        expectAttemptTimeoutIn(Duration.ofSeconds(15));
        assertThat(fixture.commands()).isEmpty();
        assertThat(fixture.sent()).hasSize(1);
        OutboundMessage message = fixture.sent().get(0);
        assertThat(message.channel()).isEqualTo(Channel.WHATSAPP);
        assertThat(message.attempt()).isZero();
        assertThat(message.code()).isEqualTo("492817");
        assertThat(message.template()).isEqualTo("otp_verification");
        assertThat(message.text()).contains("492817");
    }

    @Test
    void shouldFallBackToTheNextChannelWhenThePrimaryFails() {
        fixture.publish(requested(true, Channel.SMS, Channel.VOICE))
                .publish(new OtpDeliveryFailedEvent(ID, Channel.WHATSAPP, 0, "not_on_whatsapp", T0));
        expectAttemptTimeoutIn(Duration.ofSeconds(15));
        assertThat(fixture.sent()).extracting(OutboundMessage::channel).containsExactly(Channel.WHATSAPP, Channel.SMS);
        assertThat(fixture.sent().get(1).attempt()).isEqualTo(1);
    }

    @Test
    void shouldSendNothingMoreWhenTheLastChannelFails() {
        fixture.publish(requested(true, Channel.SMS))
                .publish(new OtpDeliveryFailedEvent(ID, Channel.WHATSAPP, 0, "refused", T0))
                .publish(new OtpDeliveryFailedEvent(ID, Channel.SMS, 1, "refused", T0));
        assertThat(fixture.dueIn()).isNull();
        assertThat(fixture.commands()).isEmpty();
        assertThat(fixture.sent()).hasSize(2);
    }

    @Test
    void shouldResendOnceThenFailWhenTheCarrierNeverAnswers() {
        fixture.publish(requested(true, Channel.SMS)).elapse(Duration.ofSeconds(15));
        expectAttemptTimeoutIn(Duration.ofSeconds(15));
        assertThat(fixture.commands()).isEmpty();
        assertThat(fixture.sent()).extracting(OutboundMessage::reference).containsExactly(ID + ":0", ID + ":0");

        fixture.elapse(Duration.ofSeconds(15));
        assertThat(fixture.commands()).containsExactly(new RecordOtpDeliveryFailedCommand(ID, Channel.WHATSAPP, 0,
                "carrier_timeout"));
        assertThat(fixture.sent()).hasSize(2);
        expectAttemptTimeoutIn(DeliveryProcess.COMMAND_RETRY);
    }

    @Test
    void shouldIgnoreOutcomesOfEarlierAttemptsWhenAFallbackIsUnderway() {
        fixture.publish(requested(true, Channel.SMS))
                .publish(new OtpDeliveryFailedEvent(ID, Channel.WHATSAPP, 0, "refused", T0))
                .publish(new OtpDeliveryFailedEvent(ID, Channel.WHATSAPP, 0, "refused", T0));
        expectAttemptTimeoutIn(Duration.ofSeconds(15));
        assertThat(fixture.sent()).hasSize(2);
    }

    @Test
    void shouldEndWhenTheOtpEndsInAnyWay() {
        for (Object end : List.of(new OtpVerifiedEvent(ID, 1, T0), new OtpExpiredEvent(ID, T0),
                new OtpLockedEvent(ID, T0), new OtpFailedEvent(ID, "refused", T0), new OtpCancelledEvent(ID, T0))) {
            DeliveryProcessFixture ending = new DeliveryProcessFixture().publish(requested(true)).publish(end);
            assertThat(ending.active()).as("after %s", end).isFalse();
            assertThat(ending.ended()).isTrue();
            ending.elapse(Duration.ofMinutes(10));
            assertThat(ending.sent()).as("nothing more after %s", end).hasSize(1);
        }
    }

    @Test
    void shouldStartANewRoundOnThePrimaryChannelWhenResent() {
        fixture.publish(requested(true, Channel.SMS))
                .publish(new OtpDeliveryFailedEvent(ID, Channel.WHATSAPP, 0, "not_on_whatsapp", T0))
                .publish(new OtpResentEvent(ID, 1, null, null, T0));
        expectAttemptTimeoutIn(Duration.ofSeconds(15));
        assertThat(fixture.sent()).extracting(OutboundMessage::channel)
                .containsExactly(Channel.WHATSAPP, Channel.SMS, Channel.WHATSAPP);
        assertThat(fixture.sent().get(2).attempt()).isEqualTo(2);
        assertThat(fixture.sent().get(2).code()).isEqualTo("492817");
    }

    @Test
    void shouldFallBackWithinTheNewRoundAndIgnoreTheOldRoundWhenResent() {
        fixture.publish(requested(true, Channel.SMS))
                .publish(new OtpResentEvent(ID, 1, null, null, T0))
                .publish(new OtpDeliveryFailedEvent(ID, Channel.WHATSAPP, 0, "late", T0))
                .publish(new OtpDeliveryFailedEvent(ID, Channel.WHATSAPP, 2, "not_on_whatsapp", T0));
        assertThat(fixture.sent()).extracting(OutboundMessage::attempt).containsExactly(0, 2, 3);
        assertThat(fixture.sent().get(2).channel()).isEqualTo(Channel.SMS);
    }

    @Test
    void shouldDeliverTheNewCodeWhenResentWithANewOne() {
        fixture.publish(requested(true))
                .publish(new OtpResentEvent(ID, 1, new byte[32], CIPHER.encrypt("730451", ID), T0));
        assertThat(fixture.sent()).extracting(OutboundMessage::code).containsExactly("492817", "730451");
    }

    @Test
    void shouldSendNothingOnceTheOtpHasExpired() {
        fixture.publish(new OtpRequestedEvent(ID, "acct", true, new Destination(Destination.Kind.PHONE,
                "+447911123456"), Channel.SMS, List.of(), 6, 5, null, Map.of(), new byte[32],
                CIPHER.encrypt("492817", ID), T0, T0.plusSeconds(10), "d1"));
        fixture.elapse(Duration.ofSeconds(60));
        assertThat(fixture.sent()).as("the resend would have come after expiry").hasSize(1);
        assertThat(fixture.dueIn()).isNull();
        assertThat(fixture.commands()).isEmpty();
    }
}
