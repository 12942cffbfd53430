package com.narvark.otp.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.otp.api.command.ExpireOtpCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;

class ExpiryPollerTest {

    private static final Duration LEASE = Duration.ofSeconds(10);
    private static final Instant NOW = OtpFixtures.T0;

    private final OtpFixtures.MovableClock clock = new OtpFixtures.MovableClock();
    private final InMemoryOtpExpiries expiries = new InMemoryOtpExpiries();
    private final List<String> sent = new ArrayList<>();
    private final Set<String> unknown = new HashSet<>();
    private final Set<String> failing = new HashSet<>();
    /** What the expire command answers, by OTP; otherwise it expired the OTP now. */
    private final Map<String, ExpiryOutcome> outcomes = new HashMap<>();

    private ExpiryPoller poller(int batchSize) {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(ExpireOtpCommand.class.getName(), command -> {
            String otpId = ((ExpireOtpCommand) command.getPayload()).otpId();
            sent.add(otpId);
            if (unknown.contains(otpId)) {
                throw new AggregateNotFoundException(otpId, "no events");
            }
            if (failing.remove(otpId)) {
                throw new IllegalStateException("database gone for a moment");
            }
            return outcomes.getOrDefault(otpId, ExpiryOutcome.EXPIRED);
        });
        return new ExpiryPoller(expiries, DefaultCommandGateway.builder().commandBus(bus).build(), clock,
                Duration.ofMillis(500), LEASE, batchSize);
    }

    @Test
    void shouldSendOneExpireForEachDueRowWhenItLooks() {
        expiries.schedule("otp_later", NOW.plusMillis(1));
        expiries.schedule("otp_second", NOW);
        expiries.schedule("otp_first", NOW.minusSeconds(3));
        clock.set(NOW);

        assertThat(poller(100).expireDue()).as("batch full").isFalse();

        assertThat(sent).containsExactly("otp_first", "otp_second");
        // The commands here leave the rows alone, as a node that died after the claim would: due again after the lease.
        assertThat(expiries.dueAt("otp_first")).contains(NOW.plus(LEASE));
        assertThat(expiries.dueAt("otp_later")).contains(NOW.plusMillis(1));
    }

    @Test
    void shouldClaimAnExpiryAgainWhenItsCommandFailedAndTheLeaseEnded() {
        expiries.schedule("otp_flaky", NOW);
        failing.add("otp_flaky");
        ExpiryPoller poller = poller(100);

        poller.expireDue();
        clock.set(NOW.plus(LEASE).minusMillis(1));
        poller.expireDue();
        clock.set(NOW.plus(LEASE));
        poller.expireDue();

        assertThat(sent).containsExactly("otp_flaky", "otp_flaky");
    }

    @Test
    void shouldDropTheRowWhenItsOtpDoesNotExist() {
        expiries.schedule("otp_unknown", NOW);
        unknown.add("otp_unknown");

        poller(100).expireDue();

        assertThat(expiries.dueAt("otp_unknown")).isEmpty();
    }

    @Test
    void shouldPutTheRowBackToTheOtpsExpiryWhenItFellDueEarly() {
        expiries.schedule("otp_early", NOW);
        outcomes.put("otp_early", ExpiryOutcome.notBefore(NOW.plusSeconds(5)));

        poller(100).expireDue();

        assertThat(expiries.dueAt("otp_early")).contains(NOW.plusSeconds(5));
    }

    @Test
    void shouldDeleteTheRowWhenItsOtpHadAlreadyEnded() {
        expiries.schedule("otp_stray", NOW);
        outcomes.put("otp_stray", ExpiryOutcome.ALREADY_ENDED);

        poller(100).expireDue();

        assertThat(expiries.dueAt("otp_stray")).isEmpty();
    }

    @Test
    void shouldSayMoreMayBeDueWhenTheBatchWasFull() {
        expiries.schedule("otp_a", NOW);
        expiries.schedule("otp_b", NOW);
        expiries.schedule("otp_c", NOW);
        ExpiryPoller poller = poller(2);

        assertThat(poller.expireDue()).isTrue();
        assertThat(poller.expireDue()).isFalse();
        assertThat(sent).hasSize(3);
    }
}
