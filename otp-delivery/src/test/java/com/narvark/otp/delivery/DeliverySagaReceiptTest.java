package com.narvark.otp.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.Destination;
import com.narvark.otp.api.command.RecordOtpDeliveryUnconfirmedCommand;
import com.narvark.otp.api.crypto.SecretCipher;
import com.narvark.otp.api.event.OtpDeliveredEvent;
import com.narvark.otp.api.event.OtpDeliveryUnconfirmedEvent;
import com.narvark.otp.api.event.OtpDispatchedEvent;
import com.narvark.otp.api.event.OtpRequestedEvent;
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

/** Waiting for delivery receipts: a receipt stops the wait, silence is recorded unconfirmed (never failed). */
class DeliverySagaReceiptTest {

    private static final String ID = "otp_0123456789abcdefghjkmnpqrs";
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final SecretCipher CIPHER = new SecretCipher(new byte[32], new SecureRandom());

    private final List<OutboundMessage> sent = new ArrayList<>();
    private final SagaTestFixture<DeliverySaga> fixture = new SagaTestFixture<>(DeliverySaga.class);

    @BeforeEach
    void collaborators() {
        fixture.registerResource((CarrierDispatch) (livemode, message) -> sent.add(message));
        fixture.registerResource(CIPHER);
        fixture.registerResource(new DeliverySettings(new StandardEnvironment()));
        fixture.registerResource(Clock.fixed(T0, ZoneOffset.UTC));
        fixture.registerResource(new DeliveryMetrics(new SimpleMeterRegistry()));
        fixture.registerResource(QueueNodes.allAlive());
        fixture.registerCommandGateway(CommandGateway.class);
    }

    private static OtpRequestedEvent requested(Channel... fallback) {
        return new OtpRequestedEvent(ID, "acct", true, new Destination(Destination.Kind.PHONE, "+447911123456"),
                Channel.WHATSAPP, List.of(fallback), 6, 5, "otp_verification", Map.of(), new byte[32],
                CIPHER.encrypt("492817", ID), T0, T0.plusSeconds(300), "d1");
    }

    private static OtpDispatchedEvent dispatched(int attempt, Channel channel) {
        return new OtpDispatchedEvent(ID, channel, attempt, "carrier-" + attempt, T0);
    }

    @Test
    void shouldWaitForTheChannelsReceiptWhenTheCarrierAccepted() {
        fixture.givenAPublished(requested(Channel.SMS))
                .whenPublishingA(dispatched(0, Channel.WHATSAPP))
                .expectScheduledDeadlineWithName(Duration.ofSeconds(30), DeliverySaga.RECEIPT_TIMEOUT)
                .expectNoDispatchedCommands();
    }

    @Test
    void shouldStopWaitingWhenTheReceiptArrives() {
        fixture.givenAPublished(requested(Channel.SMS))
                .andThenAPublished(dispatched(0, Channel.WHATSAPP))
                .whenPublishingA(new OtpDeliveredEvent(ID, Channel.WHATSAPP, 0, T0))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(1);
    }

    @Test
    void shouldRecordTheAttemptUnconfirmedWhenNoReceiptArrivesInTime() {
        fixture.givenAPublished(requested(Channel.SMS))
                .andThenAPublished(dispatched(0, Channel.WHATSAPP))
                .whenTimeElapses(Duration.ofSeconds(30))
                .expectTriggeredDeadlinesWithName(DeliverySaga.RECEIPT_TIMEOUT)
                .expectDispatchedCommands(new RecordOtpDeliveryUnconfirmedCommand(ID, Channel.WHATSAPP, 0));
    }

    @Test
    void shouldSendTheSameCodeOnTheFallbackWhenThePrimaryWentUnconfirmed() {
        fixture.givenAPublished(requested(Channel.SMS))
                .andThenAPublished(dispatched(0, Channel.WHATSAPP))
                .whenPublishingA(new OtpDeliveryUnconfirmedEvent(ID, Channel.WHATSAPP, 0, T0.plusSeconds(30)))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(Duration.ofSeconds(15), DeliverySaga.ATTEMPT_TIMEOUT);
        assertThat(sent).extracting(OutboundMessage::channel).containsExactly(Channel.WHATSAPP, Channel.SMS);
        assertThat(sent).extracting(OutboundMessage::code).containsExactly("492817", "492817");
        assertThat(sent.get(1).attempt()).isEqualTo(1);
    }

    @Test
    void shouldSendNothingMoreButStayActiveWhenTheLastChannelWentUnconfirmed() {
        fixture.givenAPublished(requested())
                .andThenAPublished(dispatched(0, Channel.WHATSAPP))
                .whenPublishingA(new OtpDeliveryUnconfirmedEvent(ID, Channel.WHATSAPP, 0, T0.plusSeconds(30)))
                .expectActiveSagas(1)
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
        assertThat(sent).hasSize(1);
    }

    @Test
    void shouldIgnoreAnUnconfirmedEarlierAttemptWhenAFallbackIsUnderway() {
        fixture.givenAPublished(requested(Channel.SMS, Channel.VOICE))
                .andThenAPublished(new OtpDeliveryUnconfirmedEvent(ID, Channel.WHATSAPP, 0, T0.plusSeconds(30)))
                .whenPublishingA(new OtpDeliveryUnconfirmedEvent(ID, Channel.WHATSAPP, 0, T0.plusSeconds(30)))
                .expectScheduledDeadlineWithName(Duration.ofSeconds(15), DeliverySaga.ATTEMPT_TIMEOUT);
        assertThat(sent).extracting(OutboundMessage::channel).containsExactly(Channel.WHATSAPP, Channel.SMS);
    }
}
