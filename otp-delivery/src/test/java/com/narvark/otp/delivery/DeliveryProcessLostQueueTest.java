package com.narvark.otp.delivery;

import static com.narvark.otp.delivery.DeliveryProcessFixture.CIPHER;
import static com.narvark.otp.delivery.DeliveryProcessFixture.ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.Destination;
import com.narvark.otp.api.command.RecordOtpDeliveryFailedCommand;
import com.narvark.otp.api.command.RecordOtpDeliveryUnconfirmedCommand;
import com.narvark.otp.api.command.RecordOtpDispatchedCommand;
import com.narvark.otp.api.event.OtpDeliveryFailedEvent;
import com.narvark.otp.api.event.OtpDispatchedEvent;
import com.narvark.otp.api.event.OtpRequestedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A message waits in the memory of the node that took the process's decision until a carrier worker takes it; kill
 * -9 loses it. The process looks after 3 s: gone node → send again at once; live node → look again later, ever
 * more rarely (that node reports the outcome). Before sending again it asks whether the carrier already took the
 * message (the node died, or the database was away, between the carrier's answer and the OTP's event), or whether
 * the node had begun the carrier call (its hand-over mark): then it records the dispatch instead.
 */
class DeliveryProcessLostQueueTest {

    private final DeliveryProcessFixture fixture = new DeliveryProcessFixture("node-a");

    @Test
    void shouldSendAgainAtOnceWhenTheNodeHoldingTheMessageIsGone() {
        fixture.publish(requested());
        assertThat(fixture.dueIn()).isEqualTo(Duration.ofSeconds(3));
        fixture.nodes().kill("node-a");
        fixture.elapse(Duration.ofSeconds(3));
        assertThat(fixture.dueIn()).isEqualTo(Duration.ofSeconds(3));
        assertThat(fixture.commands()).isEmpty();
        assertThat(fixture.sent()).extracting(OutboundMessage::reference).containsExactly(ID + ":0", ID + ":0");
    }

    @Test
    void shouldNeverSendAgainWhileTheNodeHoldingTheMessageLives() {
        fixture.publish(requested()).elapse(Duration.ofSeconds(3));
        assertThat(fixture.dueIn()).isEqualTo(Duration.ofSeconds(15));

        fixture.elapse(Duration.ofSeconds(120));
        assertThat(fixture.sent()).as("its node reports the outcome; a backlog is not doubled").hasSize(1);
        assertThat(fixture.commands()).isEmpty();
        assertThat(fixture.dueIn()).as("looked at ever more rarely").isGreaterThan(Duration.ofSeconds(15));
    }

    @Test
    void shouldSendAgainWhenTheNodeDiesWithTheMessageStillInItsQueue() {
        fixture.publish(requested()).elapse(Duration.ofSeconds(3));
        fixture.nodes().kill("node-a");
        fixture.elapse(Duration.ofSeconds(15));
        assertThat(fixture.sent()).extracting(OutboundMessage::reference).containsExactly(ID + ":0", ID + ":0");
    }

    @Test
    void shouldLookNoFurtherWhenTheCarrierTookTheMessage() {
        fixture.publish(requested())
                .publish(new OtpDispatchedEvent(ID, Channel.SMS, 0, "m-1", fixture.now()))
                .elapse(Duration.ofSeconds(4));
        assertThat(fixture.commands()).isEmpty();
        assertThat(fixture.sent()).hasSize(1);
        assertThat(fixture.due()).isEqualTo(DeliveryProcess.RECEIPT_TIMEOUT);
    }

    @Test
    void shouldRecordTheDispatchInsteadOfSendingAgainWhenTheCarrierTookItOnANodeThatDied() {
        fixture.publish(requested()).carrierAccepted(0, "m-1");
        fixture.nodes().kill("node-a");
        fixture.elapse(Duration.ofSeconds(3));
        assertThat(fixture.sent()).as("no second message on the user's phone").hasSize(1);
        assertThat(fixture.commands())
                .containsExactly(new RecordOtpDispatchedCommand(ID, Channel.SMS, 0, "m-1", 1, "gsm7"));

        fixture.publish(new OtpDispatchedEvent(ID, Channel.SMS, 0, "m-1", fixture.now()));
        assertThat(fixture.due()).isEqualTo(DeliveryProcess.RECEIPT_TIMEOUT);
    }

    @Test
    void shouldRecordTheDispatchInsteadOfSendingAgainWhenTheNodeDiedInsideTheCarrierCall() {
        fixture.publish(requested()).handedOver(0);
        fixture.nodes().kill("node-a");
        fixture.elapse(Duration.ofSeconds(3));
        assertThat(fixture.sent()).as("the carrier may have it: no second message on the user's phone").hasSize(1);
        assertThat(fixture.commands()).containsExactly(new RecordOtpDispatchedCommand(ID, Channel.SMS, 0, null));

        fixture.publish(new OtpDispatchedEvent(ID, Channel.SMS, 0, null, fixture.now()));
        assertThat(fixture.due()).isEqualTo(DeliveryProcess.RECEIPT_TIMEOUT);
        assertThat(fixture.dueIn()).as("no receipt can match an attempt without a carrier message id")
                .isEqualTo(Duration.ZERO);
        fixture.elapse(Duration.ZERO);
        assertThat(fixture.commands()).last().isEqualTo(new RecordOtpDeliveryUnconfirmedCommand(ID, Channel.SMS, 0));
    }

    @Test
    void shouldSendAgainWhenTheNodeDiedBeforeHandingOverTheCurrentAttempt() {
        fixture.publish(requested(Channel.VOICE)).handedOver(0)
                .publish(new OtpDeliveryFailedEvent(ID, Channel.SMS, 0, "carrier_timeout", fixture.now(), null));
        assertThat(fixture.sent()).extracting(OutboundMessage::reference).containsExactly(ID + ":0", ID + ":1");
        fixture.nodes().kill("node-a");
        fixture.elapse(Duration.ofSeconds(3));
        assertThat(fixture.sent()).as("attempt 1 was never handed over").extracting(OutboundMessage::reference)
                .containsExactly(ID + ":0", ID + ":1", ID + ":1");
    }

    @Test
    void shouldNotRepeatASendTheCarrierTookWhenNoNodeHoldsItAndItsRecordingWasLost() {
        DeliveryProcessFixture nodeless = new DeliveryProcessFixture();
        nodeless.publish(requested()).carrierAccepted(0, "m-1").elapse(Duration.ofSeconds(15));
        assertThat(nodeless.sent()).as("the send timeout finds the acceptance").hasSize(1);
        assertThat(nodeless.commands())
                .containsExactly(new RecordOtpDispatchedCommand(ID, Channel.SMS, 0, "m-1", 1, "gsm7"));
    }

    @Test
    void shouldFailTheAttemptWhenTheResendIsLostToo() {
        fixture.publish(requested());
        fixture.nodes().kill("node-a");
        fixture.elapse(Duration.ofSeconds(3)).elapse(Duration.ofSeconds(3));
        assertThat(fixture.commands())
                .containsExactly(new RecordOtpDeliveryFailedCommand(ID, Channel.SMS, 0, "carrier_timeout"));
        assertThat(fixture.sent()).hasSize(2);
    }

    private OtpRequestedEvent requested(Channel... fallbacks) {
        Instant now = fixture.now();
        return new OtpRequestedEvent(ID, "acct", true, new Destination(Destination.Kind.PHONE, "+447911123456"),
                Channel.SMS, List.of(fallbacks), 6, 5, null, Map.of(), new byte[32], CIPHER.encrypt("492817", ID), now,
                now.plusSeconds(300), "d1");
    }
}
