package com.narvark.otp.delivery;

import com.narvark.otp.api.crypto.SecretCipher;
import com.narvark.otp.api.event.OtpDeliveredEvent;
import com.narvark.otp.api.event.OtpDeliveryFailedEvent;
import com.narvark.otp.api.event.OtpDeliveryUnconfirmedEvent;
import com.narvark.otp.api.event.OtpDispatchedEvent;
import com.narvark.otp.api.event.OtpEndedEvent;
import com.narvark.otp.api.event.OtpRequestedEvent;
import com.narvark.otp.api.event.OtpResentEvent;
import java.time.Clock;
import java.util.function.BiConsumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Drives each OTP's {@link DeliveryProcess} from its events: the saga pattern, with the process kept in its own table
 * keyed by OTP id. The processor is sequenced by OTP id (the aggregate), so one OTP's events are handled in order by
 * one segment, on whichever node claims it; it starts at the head of the stream and never acts on replays.
 */
@Component
@ProcessingGroup(DeliveryProcessHandler.PROCESSING_GROUP)
class DeliveryProcessHandler {

    static final String PROCESSING_GROUP = "otp-delivery";

    private final DeliveryProcesses processes;
    private final DeliveryActions actions;
    private final DeliverySettings settings;
    private final SecretCipher cipher;
    private final NodeLiveness nodes;
    private final AcceptedSends accepted;
    private final Clock clock;

    DeliveryProcessHandler(DeliveryProcesses processes, DeliveryActions actions, DeliverySettings settings,
                           SecretCipher cipher, NodeLiveness nodes, AcceptedSends accepted, Clock clock) {
        this.processes = processes;
        this.actions = actions;
        this.settings = settings;
        this.cipher = cipher;
        this.nodes = nodes;
        this.accepted = accepted;
        this.clock = clock;
    }

    @EventHandler
    @DisallowReplay
    void on(OtpRequestedEvent event) {
        DeliveryStep step = step();
        DeliveryProcess process = DeliveryProcess.start(event, step);
        if (processes.insert(process)) {
            actions.carryOut(process, step);
        }
    }

    @EventHandler
    @DisallowReplay
    void on(OtpDispatchedEvent event) {
        apply(event.otpId(), (process, step) -> process.on(event, step));
    }

    @EventHandler
    @DisallowReplay
    void on(OtpDeliveredEvent event) {
        apply(event.otpId(), (process, step) -> process.on(event));
    }

    @EventHandler
    @DisallowReplay
    void on(OtpDeliveryFailedEvent event) {
        apply(event.otpId(), (process, step) -> process.attemptEnded(event.attempt(), step));
    }

    @EventHandler
    @DisallowReplay
    void on(OtpDeliveryUnconfirmedEvent event) {
        apply(event.otpId(), (process, step) -> process.attemptEnded(event.attempt(), step));
    }

    @EventHandler
    @DisallowReplay
    void on(OtpResentEvent event) {
        apply(event.otpId(), (process, step) -> process.on(event, step));
    }

    /** Verified, expired, locked, failed or cancelled: nothing is left to deliver. */
    @EventHandler
    @DisallowReplay
    void on(OtpEndedEvent event) {
        processes.delete(event.otpId());
    }

    private void apply(String otpId, BiConsumer<DeliveryProcess, DeliveryStep> change) {
        processes.lock(otpId).ifPresent(process -> {
            DeliveryStep step = step();
            change.accept(process, step);
            processes.update(process);
            actions.carryOut(process, step);
        });
    }

    private DeliveryStep step() {
        return new DeliveryStep(clock, settings, cipher, nodes, accepted, processes, actions.node());
    }
}
