package com.narvark.otp.delivery;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.ChannelRounds;
import com.narvark.otp.api.FailureReason;
import com.narvark.otp.api.command.RecordOtpDeliveryFailedCommand;
import com.narvark.otp.api.command.RecordOtpDeliveryUnconfirmedCommand;
import com.narvark.otp.api.command.RecordOtpDispatchedCommand;
import com.narvark.otp.api.event.OtpDeliveredEvent;
import com.narvark.otp.api.event.OtpDispatchedEvent;
import com.narvark.otp.api.event.OtpRequestedEvent;
import com.narvark.otp.api.event.OtpResentEvent;
import com.narvark.otp.delivery.text.MessageTexts;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery of one OTP, as a state machine: the primary channel first, then each fallback in order when a carrier
 * refuses, reports a failed delivery, or stays silent past the channel's receipt timeout. Silence is recorded as
 * unconfirmed, not failed: the message may have arrived, so the aggregate keeps the OTP verifiable. The node whose
 * carrier queue holds a send settles it (see {@link DeliveryDispatcher}). A resend walks the channels again as a new
 * round, numbered by {@link ChannelRounds} as the aggregate numbers them. The state holds only the sealed code,
 * never the plaintext.
 * <p>
 * One timeout at most is pending, always the current attempt's, kept as data ({@link #dueAt}) in the process row and
 * fired by {@link DeliveryTimeouts}. A message handed to a node's carrier queue is checked on after
 * {@code dispatch-check} (3 s): if it has not reached the carrier and that node is gone (kill -9 loses its queue), it is
 * sent again at once, unless the carrier's acceptance was written down before the node died, or the node had begun
 * the carrier call (then it is recorded as dispatched: the carrier may have it); while the node lives it is only
 * looked at again, ever more rarely, since that node reports the outcome. A process without a node (a
 * dispatcher that loses nothing) sends again once after the send timeout, then fails the attempt.
 * <p>
 * Decisions are collected in the {@link DeliveryStep} and carried out by the caller once the row is written, so a
 * decision that does not commit never reaches a carrier. What it keeps between steps, the row's JSON, is
 * {@link DeliveryProcessState}; this class holds the rules.
 */
final class DeliveryProcess extends DeliveryProcessState {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryProcess.class);

    /** The carrier has not taken the current send yet: look whether it still can. */
    static final String ATTEMPT_TIMEOUT = "attempt";
    /** The carrier took it, and no receipt came. */
    static final String RECEIPT_TIMEOUT = "receipt";
    /** A command recording a timeout was sent; fire again if its event never comes (the node died first). */
    static final Duration COMMAND_RETRY = Duration.ofSeconds(10);

    static DeliveryProcess start(OtpRequestedEvent event, DeliveryStep env) {
        DeliveryProcess process = new DeliveryProcess();
        process.otpId = event.otpId();
        process.accountId = event.accountId();
        process.livemode = event.livemode();
        process.to = event.to().value();
        process.channels = ChannelRounds.of(event.channel(), event.fallback()).channels();
        process.template = event.template();
        process.message = event.message();
        process.transaction = event.transaction();
        process.sealedCode = event.encryptedCode();
        process.expiresAt = event.expiresAt();
        process.startAttempt(0, event.requestedAt(), env);
        return process;
    }

    void on(OtpDispatchedEvent event, DeliveryStep env) {
        if (event.attempt() != attempt) {
            return;
        }
        cancelTimeout();
        dispatched = true;
        Duration receiptTimeout = env.settings().receiptTimeout(event.channel());
        if (!receipted && !receiptTimeout.isZero()) {
            // Without a carrier message id (its node died in the carrier call) no receipt can ever be matched to the
            // attempt: its silence is known now, and a fallback need not wait the whole receipt timeout.
            schedule(RECEIPT_TIMEOUT, event.carrierMessageId() == null ? env.now() : env.now().plus(receiptTimeout));
        }
    }

    void on(OtpDeliveredEvent event) {
        if (event.attempt() == attempt) {
            receipted = true;
            cancelTimeout();
        }
    }

    /** The carrier failed the attempt, or no receipt came in time (worth the next channel: the first may still land). */
    void attemptEnded(int endedAttempt, DeliveryStep env) {
        if (endedAttempt != attempt) {
            return;
        }
        cancelTimeout();
        if (rounds().hasNextChannel(attempt)) {
            Channel from = channel();
            startAttempt(attempt + 1, env.now(), env);
            env.fallback(from, channel());
        }
    }

    /** A resend starts a new round on the primary channel; what the previous round still reports is ignored. */
    void on(OtpResentEvent event, DeliveryStep env) {
        cancelTimeout();
        if (event.newCode()) {
            sealedCode = event.encryptedCode();
        }
        startAttempt(rounds().firstAttempt(event.round()), env.now(), env);
    }

    /** The pending timeout is due. */
    void timeoutDue(DeliveryStep env) {
        String fired = due;
        cancelTimeout();
        if (receipted || fired == null) {
            return;
        }
        if (RECEIPT_TIMEOUT.equals(fired)) {
            if (dispatched) {
                record(new RecordOtpDeliveryUnconfirmedCommand(otpId, channel(), attempt), RECEIPT_TIMEOUT, env);
            }
        } else if (dispatched) {
            return; // the carrier took it after all
        } else if (heldByLiveNode(env)) {
            // Looked at again later and later (15 s, then as long as it has waited): checks do not grow with a backlog.
            Duration waited = Duration.between(sentAt, env.now());
            Duration sendTimeout = env.settings().sendTimeout();
            schedule(ATTEMPT_TIMEOUT, env.now().plus(waited.compareTo(sendTimeout) > 0 ? waited : sendTimeout));
        } else if (acceptedUnrecorded(env)) {
            return; // the dispatch is being recorded now
        } else if (handedOverUnanswered(env)) {
            return; // recorded as dispatched: the carrier may have it
        } else if (sends < 2) {
            // Rare and worth an operator's eye: the node died before its carrier call (or made it unmarked, with the
            // database away: only then may the phone get this code twice).
            LOG.info("sending attempt {} of {} again: its node {} is gone and no carrier acceptance was written down",
                    attempt, otpId, sentBy);
            send(env);
        } else {
            record(new RecordOtpDeliveryFailedCommand(otpId, channel(), attempt,
                    FailureReason.CARRIER_TIMEOUT.wireName()), ATTEMPT_TIMEOUT, env);
        }
    }

    /**
     * The node holding the send lives: it settles the send itself (a second call after an unknown outcome, the
     * answer recorded until it sticks), however long its queue is. A send from here as well would double a message
     * still waiting in that queue, which under load was every message (5,097 doubles in one overloaded fault run).
     */
    private boolean heldByLiveNode(DeliveryStep env) {
        return sentBy != null && sentAt != null && !env.nodes().gone(sentBy);
    }

    /**
     * The carrier took the send, but the OTP has not heard: the node died between the carrier's answer and recording
     * it, or the recording failed (the database was away), or its event is still on the way here. A second send
     * would put a second message on the user's phone; the dispatch is recorded instead (the OTP ignores a repeat).
     */
    private boolean acceptedUnrecorded(DeliveryStep env) {
        Optional<AcceptedSends.AcceptedSend> accepted = env.accepted().find(otpId, attempt);
        accepted.ifPresent(send -> record(new RecordOtpDispatchedCommand(otpId, channel(), attempt,
                send.carrierMessageId(), send.parts(), send.encoding()), ATTEMPT_TIMEOUT, env));
        return accepted.isPresent();
    }

    /**
     * The node died inside the carrier call: it had marked the attempt as handed over, and no acceptance was written
     * down. The carrier may have taken the message (the call's answer died with the node), so the attempt is recorded
     * as dispatched, without a carrier message id. No receipt can be matched to it, so it is unconfirmed at once: the
     * code stays verifiable and the next channel, if any, starts. Sending again would put the code on the phone twice
     * whenever the carrier had it.
     */
    private boolean handedOverUnanswered(DeliveryStep env) {
        if (!env.handovers().begun(otpId, attempt)) {
            return false;
        }
        LOG.info("attempt {} of {} is recorded as dispatched: its node {} died in the carrier call, whose answer is "
                + "unknown", attempt, otpId, sentBy);
        record(new RecordOtpDispatchedCommand(otpId, channel(), attempt, null), ATTEMPT_TIMEOUT, env);
        return true;
    }

    private void record(Object command, String kind, DeliveryStep env) {
        env.command(command);
        schedule(kind, env.now().plus(COMMAND_RETRY));
    }

    private void startAttempt(int next, Instant attemptDue, DeliveryStep env) {
        attempt = next;
        attemptDueAt = attemptDue;
        sends = 0;
        dispatched = false;
        receipted = false;
        send(env);
    }

    private void send(DeliveryStep env) {
        Instant now = env.now();
        if (!now.isBefore(expiresAt)) {
            return; // nothing worth delivering any more; the expiry ends this process
        }
        sends++;
        Channel channel = channel();
        String code = env.cipher().decrypt(sealedCode, otpId);
        String text = MessageTexts.render(channel, code, Duration.between(now, expiresAt), message, transaction);
        env.send(new OutboundMessage(otpId, attempt, rounds().step(attempt), accountId, channel, to, code,
                text, template, expiresAt, attemptDueAt, message, transaction));
        sentBy = env.node();
        sentAt = now;
        schedule(ATTEMPT_TIMEOUT, now.plus(sentBy == null ? env.settings().sendTimeout()
                : env.settings().dispatchCheck()));
    }
}
