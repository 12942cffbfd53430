package com.narvark.otp.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.Destination;
import com.narvark.otp.api.command.RecordOtpDeliveryFailedCommand;
import com.narvark.otp.api.crypto.SecretCipher;
import com.narvark.otp.api.event.OtpDispatchedEvent;
import com.narvark.otp.api.event.OtpRequestedEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;

/**
 * A message waits in the memory of the node that took the saga's decision until a carrier worker takes it; kill -9
 * loses it. The saga looks after 2 s: gone node → send again at once; live node → look again every second, up to
 * the 15 s send timeout.
 */
class DeliverySagaLostQueueTest {

    private static final String ID = "otp_0123456789abcdefghjkmnpqrs";
    private static final SecretCipher CIPHER = new SecretCipher(new byte[32], new SecureRandom());

    private final List<OutboundMessage> sent = new ArrayList<>();
    private final SagaTestFixture<DeliverySaga> fixture = new SagaTestFixture<>(DeliverySaga.class);
    private final QueueNodes nodes = QueueNodes.allAlive();

    @BeforeEach
    void collaborators() {
        fixture.registerResource(new CarrierDispatch() {
            @Override
            public void submit(boolean livemode, OutboundMessage message) {
                sent.add(message);
            }

            @Override
            public String node() {
                return "node-a";
            }
        });
        fixture.registerResource(CIPHER);
        fixture.registerResource(new DeliverySettings(new StandardEnvironment()));
        fixture.registerResource(new FixtureClock());
        fixture.registerResource(new DeliveryMetrics(new SimpleMeterRegistry()));
        fixture.registerResource(nodes);
        fixture.registerCommandGateway(CommandGateway.class);
    }

    @Test
    void shouldSendAgainAtOnceWhenTheNodeHoldingTheMessageIsGone() {
        fixture.givenAPublished(requested());
        nodes.kill("node-a");
        fixture.whenTimeElapses(Duration.ofSeconds(2))
                .expectTriggeredDeadlinesWithName(DeliverySaga.ATTEMPT_TIMEOUT)
                .expectScheduledDeadlineWithName(Duration.ofSeconds(2), DeliverySaga.ATTEMPT_TIMEOUT)
                .expectNoDispatchedCommands();
        assertThat(sent).extracting(OutboundMessage::reference).containsExactly(ID + ":0", ID + ":0");
    }

    @Test
    void shouldWaitForTheSendTimeoutWhileTheNodeHoldingTheMessageLives() {
        fixture.givenAPublished(requested())
                .whenTimeElapses(Duration.ofSeconds(2))
                .expectScheduledDeadlineWithName(Duration.ofSeconds(1), DeliverySaga.ATTEMPT_TIMEOUT)
                .expectNoDispatchedCommands();
        assertThat(sent).hasSize(1);

        fixture.whenTimeElapses(Duration.ofSeconds(12)).expectNoDispatchedCommands();
        assertThat(sent).hasSize(1);
        fixture.whenTimeElapses(Duration.ofSeconds(1));
        assertThat(sent).as("resent once the send timeout passed").hasSize(2);
    }

    @Test
    void shouldLookNoFurtherWhenTheCarrierTookTheMessage() {
        fixture.givenAPublished(requested())
                .andThenAPublished(new OtpDispatchedEvent(ID, Channel.SMS, 0, "m-1", fixture.currentTime()))
                .whenTimeElapses(Duration.ofSeconds(3))
                .expectNoDispatchedCommands();
        assertThat(sent).hasSize(1);
    }

    @Test
    void shouldFailTheAttemptWhenTheResendIsLostToo() {
        fixture.givenAPublished(requested());
        nodes.kill("node-a");
        fixture.whenTimeElapses(Duration.ofSeconds(2));
        fixture.whenTimeElapses(Duration.ofSeconds(2))
                .expectDispatchedCommands(new RecordOtpDeliveryFailedCommand(ID, Channel.SMS, 0, "carrier_timeout"));
        assertThat(sent).hasSize(2);
    }

    private OtpRequestedEvent requested() {
        Instant now = fixture.currentTime();
        return new OtpRequestedEvent(ID, "acct", true, new Destination(Destination.Kind.PHONE, "+447911123456"),
                Channel.SMS, List.of(), 6, 5, null, Map.of(), new byte[32], CIPHER.encrypt("492817", ID), now,
                now.plusSeconds(300), "d1");
    }

    /** The saga reads the time the fixture has advanced to. */
    private final class FixtureClock extends Clock {

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return fixture.currentTime();
        }
    }
}
