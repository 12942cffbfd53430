package com.narvark.otp.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.ChannelRounds;
import com.narvark.otp.api.OtpErrorCode;
import com.narvark.otp.api.TestModeCode;
import com.narvark.otp.api.command.RecordOtpDeliveredCommand;
import com.narvark.otp.api.command.RecordOtpDeliveryFailedCommand;
import com.narvark.otp.api.command.RecordOtpDeliveryUnconfirmedCommand;
import com.narvark.otp.api.command.RecordOtpDispatchedCommand;
import com.narvark.otp.api.command.RecordOtpReadCommand;
import com.narvark.otp.api.command.ResendOtpCommand;
import com.narvark.otp.api.crypto.SecretCipher;
import com.narvark.otp.api.event.OtpDeliveredEvent;
import com.narvark.otp.api.event.OtpDeliveryFailedEvent;
import com.narvark.otp.api.event.OtpDeliveryUnconfirmedEvent;
import com.narvark.otp.api.event.OtpDispatchedEvent;
import com.narvark.otp.api.event.OtpEndedEvent;
import com.narvark.otp.api.event.OtpFailedEvent;
import com.narvark.otp.api.event.OtpReadEvent;
import com.narvark.otp.api.event.OtpRequestedEvent;
import com.narvark.otp.api.event.OtpResentEvent;
import com.narvark.otp.api.message.OtpTransaction;
import com.narvark.otp.command.DeliveryAttempts.Outcome;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * The delivery of one OTP, an entity of the {@link Otp} aggregate: it sends the code again when asked (a new round
 * over the channels), records what carriers report about each attempt and decides when nothing is left that could
 * reach the recipient. The root keeps the public status; this entity only needs to know whether the OTP has ended,
 * which every ending event tells it.
 * <p>
 * Only carriers' words end an OTP as failed: a refusal, a call never answered, a failure receipt. A receipt that
 * never came proves nothing (many routes send none, or send it late), so the code already sent stays verifiable
 * until it expires; the receipt timeout only makes the delivery process try the next channel.
 */
class OtpDelivery {

    private final String otpId;
    private final DeliveryAttempts attempts;
    /** What a new code needs: the environment (test codes are fixed), its length and the payment it approves. */
    private final boolean livemode;
    private final int codeLength;
    private final OtpTransaction transaction;
    private final Instant expiresAt;
    private int sends;
    private Instant lastSentAt;
    private boolean ended;

    private OtpDelivery(String otpId, ChannelRounds rounds, boolean livemode, int codeLength,
                        OtpTransaction transaction, Instant expiresAt, Instant requestedAt) {
        this.otpId = otpId;
        this.attempts = new DeliveryAttempts(rounds);
        this.livemode = livemode;
        this.codeLength = codeLength;
        this.transaction = transaction;
        this.expiresAt = expiresAt;
        this.sends = 1;
        this.lastSentAt = requestedAt;
    }

    OtpDelivery(OtpRequestedEvent event) {
        this(event.otpId(), ChannelRounds.of(event.channel(), event.fallback()), event.livemode(),
                event.codeLength(), event.transaction(), event.expiresAt(), event.requestedAt());
    }

    /** A refused send: never sent, no attempt to report on, nothing to send again. */
    static OtpDelivery never(String otpId) {
        OtpDelivery never = new OtpDelivery(otpId, ChannelRounds.none(), false, 0, null, null, null);
        never.ended = true;
        return never;
    }

    /** Sends the code again (a new delivery round); never touches the expiry or the wrong-attempt count. */
    @CommandHandler
    void handle(ResendOtpCommand command, CodeGenerator generator, CodeHasher hasher, SecretCipher cipher,
                ResendPolicy policy, Clock clock) {
        Instant now = clock.instant();
        if (ended || !now.isBefore(expiresAt)) {
            throw OtpRefusals.notActive();
        }
        policy.refusal(sends, lastSentAt, now).ifPresent(refusal -> {
            throw OtpRefusals.refused(refusal);
        });
        if (!command.newCode()) {
            apply(new OtpResentEvent(otpId, sends, null, null, now));
            return;
        }
        String code = livemode ? generator.generate(codeLength) : TestModeCode.forLength(codeLength);
        apply(new OtpResentEvent(otpId, sends, hasher.hash(otpId, code, transaction), cipher.encrypt(code, otpId),
                now));
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
    void handle(RecordOtpDeliveryFailedCommand command, Clock clock) {
        if (!isNewOutcome(command.attempt(), command.channel(), Outcome.FAILED)) {
            return;
        }
        Instant now = clock.instant();
        apply(new OtpDeliveryFailedEvent(otpId, command.channel(), command.attempt(), command.reason(), now,
                command.carrierError()));
        // A late failure receipt of an unconfirmed attempt can end the OTP too, once no other attempt is in play.
        if (!ended && attempts.nothingCanArrive()) {
            Otp.end(new OtpFailedEvent(otpId, command.reason(), now, command.carrierError()));
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
        sends = event.round() + 1;
        lastSentAt = event.resentAt();
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
