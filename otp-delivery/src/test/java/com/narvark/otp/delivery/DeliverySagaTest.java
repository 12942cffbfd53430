package com.narvark.otp.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.Destination;
import com.narvark.otp.api.command.RecordOtpDeliveryFailedCommand;
import com.narvark.otp.api.crypto.SecretCipher;
import com.narvark.otp.api.event.OtpCancelledEvent;
import com.narvark.otp.api.event.OtpDeliveryFailedEvent;
import com.narvark.otp.api.event.OtpExpiredEvent;
import com.narvark.otp.api.event.OtpFailedEvent;
import com.narvark.otp.api.event.OtpLockedEvent;
import com.narvark.otp.api.event.OtpRequestedEvent;
import com.narvark.otp.api.event.OtpResentEvent;
import com.narvark.otp.api.event.OtpVerifiedEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;

class DeliverySagaTest {

    private static final String ID = "otp_0123456789abcdefghjkmnpqrs";
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final SecretCipher CIPHER = new SecretCipher(new byte[32], new SecureRandom());

    private final List<Sent> sent = new ArrayList<>();
    private final SagaTestFixture<DeliverySaga> fixture = new SagaTestFixture<>(DeliverySaga.class);

    private record Sent(boolean livemode, OutboundMessage message) {
    }

    @BeforeEach
    void collaborators() {
        fixture.registerResource((CarrierDispatch) (livemode, message) -> sent.add(new Sent(livemode, message)));
        fixture.registerResource(CIPHER);
        fixture.registerResource(new DeliverySettings(new StandardEnvironment()));
        fixture.registerResource(Clock.fixed(T0, ZoneOffset.UTC));
        fixture.registerResource(new DeliveryMetrics(new SimpleMeterRegistry()));
        fixture.registerResource(QueueNodes.allAlive());
        fixture.registerCommandGateway(CommandGateway.class);
    }

    private static OtpRequestedEvent requested(boolean livemode, Channel... fallback) {
        return new OtpRequestedEvent(ID, "acct", livemode, new Destination(Destination.Kind.PHONE, "+447911123456"),
                Channel.WHATSAPP, List.of(fallback), 6, 5, "otp_verification", Map.of(), new byte[32],
                CIPHER.encrypt("492817", ID), T0, T0.plusSeconds(300), "d1");
    }

    @Test
    void shouldSendOnThePrimaryChannelWhenTheOtpIsRequested() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(requested(true, Channel.SMS))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(Duration.ofSeconds(15), DeliverySaga.ATTEMPT_TIMEOUT)
                .expectNoDispatchedCommands();
        assertThat(sent).hasSize(1);
        OutboundMessage message = sent.get(0).message();
        assertThat(sent.get(0).livemode()).isTrue();
        assertThat(message.channel()).isEqualTo(Channel.WHATSAPP);
        assertThat(message.attempt()).isZero();
        assertThat(message.code()).isEqualTo("492817");
        assertThat(message.template()).isEqualTo("otp_verification");
        assertThat(message.text()).contains("492817");
    }

    @Test
    void shouldHandTestOtpsToTheSimulatorWhenTheKeyIsATestKey() {
        fixture.givenNoPriorActivity().whenPublishingA(requested(false)).expectActiveSagas(1);
        assertThat(sent).singleElement().extracting(Sent::livemode).isEqualTo(false);
    }

    @Test
    void shouldFallBackToTheNextChannelWhenThePrimaryFails() {
        fixture.givenAPublished(requested(true, Channel.SMS, Channel.VOICE))
                .whenPublishingA(new OtpDeliveryFailedEvent(ID, Channel.WHATSAPP, 0, "not_on_whatsapp", T0))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(Duration.ofSeconds(15), DeliverySaga.ATTEMPT_TIMEOUT);
        assertThat(sent).extracting(s -> s.message().channel()).containsExactly(Channel.WHATSAPP, Channel.SMS);
        assertThat(sent.get(1).message().attempt()).isEqualTo(1);
    }

    @Test
    void shouldSendNothingMoreWhenTheLastChannelFails() {
        fixture.givenAPublished(requested(true, Channel.SMS))
                .andThenAPublished(new OtpDeliveryFailedEvent(ID, Channel.WHATSAPP, 0, "refused", T0))
                .whenPublishingA(new OtpDeliveryFailedEvent(ID, Channel.SMS, 1, "refused", T0))
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
        assertThat(sent).hasSize(2);
    }

    @Test
    void shouldResendOnceThenFailWhenTheCarrierNeverAnswers() {
        fixture.givenAPublished(requested(true, Channel.SMS))
                .whenTimeElapses(Duration.ofSeconds(15))
                .expectTriggeredDeadlinesWithName(DeliverySaga.ATTEMPT_TIMEOUT)
                .expectScheduledDeadlineWithName(Duration.ofSeconds(15), DeliverySaga.ATTEMPT_TIMEOUT)
                .expectNoDispatchedCommands();
        assertThat(sent).extracting(s -> s.message().reference()).containsExactly(ID + ":0", ID + ":0");

        fixture.whenTimeElapses(Duration.ofSeconds(15))
                .expectDispatchedCommands(new RecordOtpDeliveryFailedCommand(ID, Channel.WHATSAPP, 0,
                        "carrier_timeout"));
        assertThat(sent).hasSize(2);
    }

    @Test
    void shouldIgnoreOutcomesOfEarlierAttemptsWhenAFallbackIsUnderway() {
        fixture.givenAPublished(requested(true, Channel.SMS))
                .andThenAPublished(new OtpDeliveryFailedEvent(ID, Channel.WHATSAPP, 0, "refused", T0))
                .whenPublishingA(new OtpDeliveryFailedEvent(ID, Channel.WHATSAPP, 0, "refused", T0))
                .expectScheduledDeadlineWithName(Duration.ofSeconds(15), DeliverySaga.ATTEMPT_TIMEOUT);
        assertThat(sent).hasSize(2);
    }

    @Test
    void shouldEndWhenTheOtpIsVerified() {
        fixture.givenAPublished(requested(true)).whenPublishingA(new OtpVerifiedEvent(ID, 1, T0))
                .expectActiveSagas(0).expectNoScheduledDeadlines();
    }

    @Test
    void shouldEndWhenTheOtpExpires() {
        fixture.givenAPublished(requested(true)).whenPublishingA(new OtpExpiredEvent(ID, T0))
                .expectActiveSagas(0).expectNoScheduledDeadlines();
    }

    @Test
    void shouldEndWhenTheOtpLocks() {
        fixture.givenAPublished(requested(true)).whenPublishingA(new OtpLockedEvent(ID, T0))
                .expectActiveSagas(0).expectNoScheduledDeadlines();
    }

    @Test
    void shouldEndWhenEveryChannelFailed() {
        fixture.givenAPublished(requested(true)).whenPublishingA(new OtpFailedEvent(ID, "refused", T0))
                .expectActiveSagas(0).expectNoScheduledDeadlines();
    }

    @Test
    void shouldEndWhenTheOtpIsCancelled() {
        fixture.givenAPublished(requested(true)).whenPublishingA(new OtpCancelledEvent(ID, T0))
                .expectActiveSagas(0).expectNoScheduledDeadlines();
    }

    @Test
    void shouldStartANewRoundOnThePrimaryChannelWhenResent() {
        fixture.givenAPublished(requested(true, Channel.SMS))
                .andThenAPublished(new OtpDeliveryFailedEvent(ID, Channel.WHATSAPP, 0, "not_on_whatsapp", T0))
                .whenPublishingA(new OtpResentEvent(ID, 1, null, null, T0))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(Duration.ofSeconds(15), DeliverySaga.ATTEMPT_TIMEOUT);
        assertThat(sent).extracting(s -> s.message().channel())
                .containsExactly(Channel.WHATSAPP, Channel.SMS, Channel.WHATSAPP);
        assertThat(sent.get(2).message().attempt()).isEqualTo(2);
        assertThat(sent.get(2).message().code()).isEqualTo("492817");
    }

    @Test
    void shouldFallBackWithinTheNewRoundAndIgnoreTheOldRoundWhenResent() {
        fixture.givenAPublished(requested(true, Channel.SMS))
                .andThenAPublished(new OtpResentEvent(ID, 1, null, null, T0))
                .andThenAPublished(new OtpDeliveryFailedEvent(ID, Channel.WHATSAPP, 0, "late", T0))
                .whenPublishingA(new OtpDeliveryFailedEvent(ID, Channel.WHATSAPP, 2, "not_on_whatsapp", T0));
        assertThat(sent).extracting(s -> s.message().attempt()).containsExactly(0, 2, 3);
        assertThat(sent.get(2).message().channel()).isEqualTo(Channel.SMS);
    }

    @Test
    void shouldDeliverTheNewCodeWhenResentWithANewOne() {
        fixture.givenAPublished(requested(true))
                .whenPublishingA(new OtpResentEvent(ID, 1, new byte[32], CIPHER.encrypt("730451", ID), T0));
        assertThat(sent).extracting(s -> s.message().code()).containsExactly("492817", "730451");
    }
}
