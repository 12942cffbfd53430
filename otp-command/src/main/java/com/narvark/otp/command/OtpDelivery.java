package com.narvark.otp.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.OtpErrorCode;
import com.narvark.otp.api.command.RecordOtpDeliveredCommand;
import com.narvark.otp.api.command.RecordOtpDeliveryFailedCommand;
import com.narvark.otp.api.command.RecordOtpDeliveryUnconfirmedCommand;
import com.narvark.otp.api.command.RecordOtpDispatchedCommand;
import com.narvark.otp.api.command.RecordOtpReadCommand;
import com.narvark.otp.api.event.OtpDeliveredEvent;
import com.narvark.otp.api.event.OtpDeliveryFailedEvent;
import com.narvark.otp.api.event.OtpDeliveryUnconfirmedEvent;
import com.narvark.otp.api.event.OtpDispatchedEvent;
import com.narvark.otp.api.event.OtpEndedEvent;
import com.narvark.otp.api.event.OtpFailedEvent;
import com.narvark.otp.api.event.OtpReadEvent;
import com.narvark.otp.api.event.OtpResentEvent;
import com.narvark.otp.command.DeliveryAttempts.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * The carrier outcomes of one OTP, an entity of the {@link Otp} aggregate: it records what carriers report about
 * each delivery attempt and decides when nothing is left that could reach the recipient. The root keeps the public
 * status; this entity only needs to know whether the OTP has ended, which every ending event tells it.
 * <p>
 * Only carriers' words end an OTP as failed: a refusal, a call never answered, a failure receipt. A receipt that
 * never came proves nothing (many routes send none, or send it late), so the code already sent stays verifiable
 * until it expires; the receipt timeout only makes the delivery process try the next channel.
 */
class OtpDelivery {

    private final String otpId;
    private final DeliveryAttempts attempts;
    private boolean ended;

    OtpDelivery(String otpId, Channel primary, List<Channel> fallback) {
        this.otpId = otpId;
        this.attempts = new DeliveryAttempts(primary, fallback);
    }

    @CommandHandler
    void handle(RecordOtpDispatchedCommand command, Clock clock) {
        if (isNewOutcome(command.attempt(), command.channel(), Outcome.DISPATCHED)) {
            apply(new OtpDispatchedEvent(otpId, command.channel(), command.attempt(), command.carrierMessageId(),
                    clock.instant(), command.parts(), command.encoding()));
        }
    }

    @CommandHandler
    void handle(RecordOtpDeliveredCommand command, Clock clock) {
        if (isNewOutcome(command.attempt(), command.channel(), Outcome.DELIVERED)) {
            apply(new OtpDeliveredEvent(otpId, command.channel(), command.attempt(), clock.instant()));
        }
    }

    @CommandHandler
    void handle(RecordOtpReadCommand command, Clock clock) {
        if (isNewOutcome(command.attempt(), command.channel(), Outcome.READ)) {
            apply(new OtpReadEvent(otpId, command.channel(), command.attempt(), clock.instant()));
        }
    }

    @CommandHandler
    void handle(RecordOtpDeliveryFailedCommand command, Clock clock, OtpExpiries expiries) {
        if (!isNewOutcome(command.attempt(), command.channel(), Outcome.FAILED)) {
            return;
        }
        Instant now = clock.instant();
        apply(new OtpDeliveryFailedEvent(otpId, command.channel(), command.attempt(), command.reason(), now,
                command.carrierError()));
        // A late failure receipt of an unconfirmed attempt can end the OTP too, once no other attempt is in play.
        if (!ended && attempts.nothingCanArrive()) {
            apply(new OtpFailedEvent(otpId, command.reason(), now, command.carrierError()));
            expiries.remove(otpId);
        }
    }

    /** Recorded once, and only while the carrier has neither confirmed nor failed the attempt. */
    @CommandHandler
    void handle(RecordOtpDeliveryUnconfirmedCommand command, Clock clock) {
        int attempt = command.attempt();
        if (isNewOutcome(attempt, command.channel(), Outcome.UNCONFIRMED) && attempts.has(attempt, Outcome.DISPATCHED)
                && !attempts.has(attempt, Outcome.DELIVERED) && !attempts.has(attempt, Outcome.READ)
                && !attempts.has(attempt, Outcome.FAILED)) {
            apply(new OtpDeliveryUnconfirmedEvent(otpId, command.channel(), attempt, clock.instant()));
        }
    }

    @EventSourcingHandler
    void on(OtpDispatchedEvent event) {
        attempts.record(event.attempt(), Outcome.DISPATCHED);
    }

    @EventSourcingHandler
    void on(OtpDeliveredEvent event) {
        attempts.record(event.attempt(), Outcome.DELIVERED);
    }

    @EventSourcingHandler
    void on(OtpReadEvent event) {
        attempts.record(event.attempt(), Outcome.READ);
    }

    @EventSourcingHandler
    void on(OtpDeliveryUnconfirmedEvent event) {
        attempts.record(event.attempt(), Outcome.UNCONFIRMED);
    }

    @EventSourcingHandler
    void on(OtpDeliveryFailedEvent event) {
        attempts.record(event.attempt(), Outcome.FAILED);
    }

    @EventSourcingHandler
    void on(OtpResentEvent event) {
        attempts.startRound(event.round(), event.newCode());
    }

    /** Verified, expired, locked, failed or cancelled: carriers may still report, but nothing ends it twice. */
    @EventSourcingHandler
    void on(OtpEndedEvent event) {
        ended = true;
    }

    /** False when the carrier repeats itself; refuses outcomes of attempts that do not exist. */
    private boolean isNewOutcome(int attempt, Channel channel, Outcome outcome) {
        if (!attempts.matches(attempt, channel)) {
            throw new CommandExecutionException("no delivery attempt " + attempt + " on " + channel, null,
                    OtpErrorCode.INVALID_STATE);
        }
        return !attempts.has(attempt, outcome);
    }
}
