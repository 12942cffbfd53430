package com.narvark.otp.delivery;

import com.narvark.otp.api.crypto.SecretCipher;
import com.narvark.otp.api.event.OtpDeliveredEvent;
import com.narvark.otp.api.event.OtpDeliveryFailedEvent;
import com.narvark.otp.api.event.OtpDeliveryUnconfirmedEvent;
import com.narvark.otp.api.event.OtpDispatchedEvent;
import com.narvark.otp.api.event.OtpEndedEvent;
import com.narvark.otp.api.event.OtpRequestedEvent;
import com.narvark.otp.api.event.OtpResentEvent;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.env.StandardEnvironment;

/**
 * Runs one {@link DeliveryProcess} the way {@link DeliveryProcessHandler} and {@link DeliveryTimeouts} do, without a
 * database: events in, time advanced (firing the pending timeout when it is due), and the state written to JSON and
 * read back between steps as the table stores it. Records what the process decided.
 */
final class DeliveryProcessFixture {

    static final String ID = "otp_0123456789abcdefghjkmnpqrs";
    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    static final SecretCipher CIPHER = new SecretCipher(new byte[32], new SecureRandom());

    private final DeliverySettings settings = new DeliverySettings(new StandardEnvironment());
    private final QueueNodes nodes = QueueNodes.allAlive();
    /** Attempts a carrier accepted (written down as {@link CarrierMessages} does) by attempt number. */
    private final Map<Integer, AcceptedSends.AcceptedSend> accepted = new HashMap<>();
    private final MemoryHandovers handovers = new MemoryHandovers();
    private final String node;
    private final List<OutboundMessage> sent = new ArrayList<>();
    private final List<Object> commands = new ArrayList<>();
    private Instant now = T0;
    private byte[] stored;
    private boolean ended;

    /** {@code node}: the node whose queue takes the sends; null for a dispatcher that loses nothing with a node. */
    DeliveryProcessFixture(String node) {
        this.node = node;
    }

    DeliveryProcessFixture() {
        this(null);
    }

    DeliveryProcessFixture publish(Object event) {
        if (event instanceof OtpRequestedEvent requested) {
            DeliveryStep step = step();
            DeliveryProcess process = DeliveryProcess.start(requested, step);
            save(process, step);
        } else if (event instanceof OtpEndedEvent) {
            stored = null;
            ended = true;
        } else if (stored != null) {
            DeliveryProcess process = DeliveryProcesses.read(stored);
            DeliveryStep step = step();
            if (event instanceof OtpDispatchedEvent e) {
                process.on(e, step);
            } else if (event instanceof OtpDeliveredEvent e) {
                process.on(e);
            } else if (event instanceof OtpDeliveryFailedEvent e) {
                process.attemptEnded(e.attempt(), step);
            } else if (event instanceof OtpDeliveryUnconfirmedEvent e) {
                process.attemptEnded(e.attempt(), step);
            } else if (event instanceof OtpResentEvent e) {
                process.on(e, step);
            } else {
                throw new IllegalArgumentException("not a delivery event: " + event);
            }
            save(process, step);
        }
        return this;
    }

    /** Advances the clock, firing the pending timeout each time it comes due on the way. */
    DeliveryProcessFixture elapse(Duration duration) {
        Instant until = now.plus(duration);
        while (stored != null && dueAt() != null && !dueAt().isAfter(until)) {
            now = dueAt();
            DeliveryProcess process = DeliveryProcesses.read(stored);
            DeliveryStep step = step();
            process.timeoutDue(step);
            save(process, step);
        }
        now = until;
        return this;
    }

    private void save(DeliveryProcess process, DeliveryStep step) {
        stored = DeliveryProcesses.write(process);
        sent.addAll(step.sends());
        commands.addAll(step.commands());
    }

    private DeliveryStep step() {
        return new DeliveryStep(Clock.fixed(now, ZoneOffset.UTC), settings, CIPHER, nodes,
                (otpId, attempt) -> Optional.ofNullable(accepted.get(attempt)), handovers, node);
    }

    private Instant dueAt() {
        return stored == null ? null : DeliveryProcesses.read(stored).dueAt();
    }

    /** How long until the pending timeout fires; null when none is pending. */
    Duration dueIn() {
        Instant at = dueAt();
        return at == null ? null : Duration.between(now, at);
    }

    /** The pending timeout's kind, {@link DeliveryProcess#ATTEMPT_TIMEOUT} or {@link DeliveryProcess#RECEIPT_TIMEOUT}. */
    String due() {
        return stored == null ? null : DeliveryProcesses.read(stored).due();
    }

    /** The process as the table stores it (JSON). */
    String storedJson() {
        return new String(stored, StandardCharsets.UTF_8);
    }

    boolean active() {
        return stored != null;
    }

    boolean ended() {
        return ended;
    }

    Instant now() {
        return now;
    }

    /** The carrier accepted this attempt, and its acceptance was written down (its dispatch not yet recorded). */
    DeliveryProcessFixture carrierAccepted(int attempt, String carrierMessageId) {
        accepted.put(attempt, new AcceptedSends.AcceptedSend(carrierMessageId, 1, "gsm7"));
        return this;
    }

    /** A carrier worker took this attempt's message and began the carrier call (it marks the hand-over first). */
    DeliveryProcessFixture handedOver(int attempt) {
        handovers.begin(ID, attempt);
        return this;
    }

    QueueNodes nodes() {
        return nodes;
    }

    List<OutboundMessage> sent() {
        return sent;
    }

    List<Object> commands() {
        return commands;
    }
}
