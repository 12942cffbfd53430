package com.narvark.otp.delivery;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.crypto.SecretCipher;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One step of a {@link DeliveryProcess}: what it may consult (the time, settings, the cipher, which nodes live, what
 * carriers already accepted or may have) and what it decided (messages to hand to carriers, commands to send,
 * fallbacks taken), carried out by the caller after the process row is written.
 */
final class DeliveryStep {

    private final Instant now;
    private final DeliverySettings settings;
    private final SecretCipher cipher;
    private final NodeLiveness nodes;
    private final AcceptedSends accepted;
    private final CarrierHandovers handovers;
    private final String node;
    private final List<OutboundMessage> sends = new ArrayList<>();
    private final List<Object> commands = new ArrayList<>();
    private final List<Channel[]> fallbacks = new ArrayList<>();

    /** {@code node}: the node whose carrier queue takes this step's sends; null when none can be lost with a node. */
    DeliveryStep(Clock clock, DeliverySettings settings, SecretCipher cipher, NodeLiveness nodes,
                 AcceptedSends accepted, CarrierHandovers handovers, String node) {
        this.now = clock.instant();
        this.settings = settings;
        this.cipher = cipher;
        this.nodes = nodes;
        this.accepted = accepted;
        this.handovers = handovers;
        this.node = node;
    }

    Instant now() {
        return now;
    }

    DeliverySettings settings() {
        return settings;
    }

    SecretCipher cipher() {
        return cipher;
    }

    NodeLiveness nodes() {
        return nodes;
    }

    AcceptedSends accepted() {
        return accepted;
    }

    CarrierHandovers handovers() {
        return handovers;
    }

    String node() {
        return node;
    }

    void send(OutboundMessage message) {
        sends.add(message);
    }

    void command(Object command) {
        commands.add(command);
    }

    void fallback(Channel from, Channel to) {
        fallbacks.add(new Channel[] {from, to});
    }

    List<OutboundMessage> sends() {
        return sends;
    }

    List<Object> commands() {
        return commands;
    }

    List<Channel[]> fallbacks() {
        return fallbacks;
    }
}
