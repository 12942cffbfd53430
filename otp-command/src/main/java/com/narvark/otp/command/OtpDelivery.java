package com.narvark.otp.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.OtpErrorCode;
import com.narvark.otp.api.command.RecordOtpDeliveredCommand;
import com.narvark.otp.api.command.RecordOtpDeliveryFailedCommand;
import com.narvark.otp.api.command.RecordOtpDispatchedCommand;
import com.narvark.otp.api.command.RecordOtpReadCommand;
import com.narvark.otp.api.event.OtpDeliveredEvent;
import com.narvark.otp.api.event.OtpDeliveryFailedEvent;
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
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * The carrier outcomes of one OTP, an entity of the {@link Otp} aggregate: it records what carriers report about
 * each delivery attempt and decides when nothing is left that could reach the recipient. The root keeps the public
 * status; this entity only needs to know whether the OTP has ended, which every ending event tells it.
 */
class OtpDelivery {

    private final String otpId;
    private final String expiryDeadlineId;
    private final DeliveryAttempts attempts;
    private boolean ended;

    OtpDelivery(String otpId, String expiryDeadlineId, Channel primary, List<Channel> fallback) {
        this.otpId = otpId;
        this.expiryDeadlineId = expiryDeadlineId;
        this.attempts = new DeliveryAttempts(primary, fallback);
    }

    @CommandHandler
    void handle(RecordOtpDispatchedCommand command, Clock clock) {
        if (isNewOutcome(command.attempt(), command.channel(), Outcome.DISPATCHED)) {
            apply(new OtpDispatchedEvent(otpId, command.channel(), command.attempt(), command.carrierMessageId(),
                    clock.instant()));
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
    void handle(RecordOtpDeliveryFailedCommand command, Clock clock, DeadlineManager deadlineManager) {
        if (!isNewOutcome(command.attempt(), command.channel(), Outcome.FAILED)) {
            return;
        }
        Instant now = clock.instant();
        apply(new OtpDeliveryFailedEvent(otpId, command.channel(), command.attempt(), command.reason(), now));
        if (attempts.isLast(command.attempt()) && !ended) {
            apply(new OtpFailedEvent(otpId, command.reason(), now));
            deadlineManager.cancelSchedule(Otp.EXPIRY_DEADLINE, expiryDeadlineId);
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
    void on(OtpDeliveryFailedEvent event) {
        attempts.record(event.attempt(), Outcome.FAILED);
    }

    @EventSourcingHandler
    void on(OtpResentEvent event) {
        attempts.startRound(event.round());
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
