package com.narvark.otp.command;

import static com.narvark.otp.command.OtpFixtures.OTP_ID;
import static com.narvark.otp.command.OtpFixtures.T0;
import static com.narvark.otp.command.OtpFixtures.TTL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.narvark.otp.api.crypto.SecretCipher;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The expiry rows' processor as {@link OtpCommandConfiguration} registers it, in a real Axon configuration: the row
 * is written while the command is handled (subscribing), a row that cannot be written fails the command
 * (propagating) instead of being logged away behind events without a row, and events appended outside any command
 * move no row.
 */
class OtpExpiryRowsProcessorTest {

    private Configuration axon;

    @AfterEach
    void shutDown() {
        axon.shutdown();
    }

    @Test
    void shouldHaveTheRowWrittenWhenTheSendIsAnswered() {
        InMemoryOtpExpiries expiries = new InMemoryOtpExpiries();
        axon = start(expiries);

        axon.commandGateway().sendAndWait(OtpFixtures.send(true, List.of()));

        assertThat(expiries.dueAt(OTP_ID)).contains(T0.plusSeconds(TTL));
    }

    @Test
    void shouldWriteNoRowWhenTheEventIsAppendedOutsideACommand() {
        InMemoryOtpExpiries expiries = new InMemoryOtpExpiries();
        axon = start(expiries);

        axon.eventStore().publish(new GenericDomainEventMessage<>("Otp", OTP_ID, 0,
                OtpFixtures.requested(List.of())));

        assertThat(expiries.dueAt(OTP_ID)).as("history seeded into the store is no OTP a command runs").isEmpty();
    }

    @Test
    void shouldFailTheSendWhenItsRowCannotBeWritten() {
        axon = start(new UnwritableExpiries());

        assertThatThrownBy(() -> axon.commandGateway().sendAndWait(OtpFixtures.send(true, List.of())))
                .hasStackTraceContaining("expiry rows unwritable");
    }

    private static Configuration start(OtpExpiries expiries) {
        FraudGuards guards = new FraudGuards(new InMemoryDestinationLedger(), FraudGuards.Limits.DEFAULT);
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(Otp.class)
                .registerComponent(Clock.class, c -> new OtpFixtures.MovableClock())
                .registerComponent(CodeGenerator.class, c -> length -> OtpFixtures.LIVE_CODE.substring(0, length))
                .registerComponent(CodeHasher.class, c -> OtpFixtures.HASHER)
                .registerComponent(SecretCipher.class, c -> OtpFixtures.CIPHER)
                .registerCommandHandler(c -> new OtpSendHandler(c.repository(Otp.class), guards));
        configurer.eventProcessing().registerEventHandler(c -> new OtpExpiryRows(expiries));
        new OtpCommandConfiguration().otpExpiryRowsProcessor().configureModule(configurer);
        return configurer.start();
    }

    /** A table that refuses every write, as PostgreSQL would with the connection gone. */
    private static final class UnwritableExpiries implements OtpExpiries {

        @Override
        public void schedule(String otpId, Instant expiresAt) {
            throw new IllegalStateException("expiry rows unwritable");
        }

        @Override
        public void remove(String otpId) {
            throw new IllegalStateException("expiry rows unwritable");
        }

        @Override
        public List<String> claimDue(Instant now, Instant leaseUntil, int limit) {
            return List.of();
        }
    }
}
