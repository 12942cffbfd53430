package com.narvark.otp.delivery;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.narvark.otp.api.Channel;
import com.narvark.otp.api.FailureReason;
import com.narvark.otp.api.command.RecordOtpDeliveryFailedCommand;
import com.narvark.otp.api.command.RecordOtpDeliveryUnconfirmedCommand;
import com.narvark.otp.api.crypto.SecretCipher;
import com.narvark.otp.api.event.OtpDeliveredEvent;
import com.narvark.otp.api.event.OtpDeliveryFailedEvent;
import com.narvark.otp.api.event.OtpDeliveryUnconfirmedEvent;
import com.narvark.otp.api.event.OtpDispatchedEvent;
import com.narvark.otp.api.event.OtpEndedEvent;
import com.narvark.otp.api.event.OtpRequestedEvent;
import com.narvark.otp.api.event.OtpResentEvent;
import com.narvark.otp.api.message.MessageOptions;
import com.narvark.otp.api.message.OtpTransaction;
import com.narvark.otp.delivery.text.MessageTexts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * Delivers one OTP: the primary channel first, then each fallback in order when a carrier refuses, reports a failed
 * delivery, or stays silent past the channel's receipt timeout. Silence is recorded as unconfirmed, not failed: the
 * message may have arrived, so the aggregate keeps the OTP verifiable. A carrier call that never reports back is
 * retried once with the same reference (carriers with idempotency drop the duplicate). A resend walks the channels
 * again as a new round (attempt = round × channels + i). Ends when the OTP is verified, expires, locks, fails or is
 * cancelled. Collaborators arrive as handler parameters; the state holds only the sealed code, never the plaintext.
 * <p>
 * A message handed to a node's carrier queue is checked on once, after {@code dispatch-check} (3 s): if it has
 * not reached the carrier and that node is gone (kill -9 loses its queue), it is sent again at once; while the node
 * lives, the send timeout applies. One check, not a polling loop: when the saga runs behind under load, every
 * pending message's check fires, and repeated checks would add load in proportion to the backlog.
 */
@Saga
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class DeliverySaga {

    /** The carrier has not taken the current send yet: look whether it still can. */
    static final String ATTEMPT_TIMEOUT = "delivery-attempt-timeout";
    /** The carrier took it, and no receipt came. */
    static final String RECEIPT_TIMEOUT = "delivery-receipt-timeout";
    private static final String OTP_ID = "otpId";

    private String otpId;
    private String accountId;
    private boolean livemode;
    private String to;
    private List<Channel> channels;
    private String template;
    /** How the message reads; null in sagas started before messages had options (read as the defaults). */
    private MessageOptions message;
    private OtpTransaction transaction;
    private byte[] sealedCode;
    private Instant expiresAt;
    private int attempt;
    /** When the current attempt became due; dispatch latency is measured from it. */
    private Instant attemptDueAt;
    private int sends;
    private boolean dispatched;
    private boolean receipted;
    private String timeoutId;
    /** The node whose carrier queue holds the current send, and when it was handed over. */
    private String sentBy;
    private Instant sentAt;

    @StartSaga
    @SagaEventHandler(associationProperty = OTP_ID)
    public void on(OtpRequestedEvent event, CarrierDispatch dispatcher, SecretCipher cipher,
                   DeadlineManager deadlines, DeliverySettings settings, Clock clock) {
        otpId = event.otpId();
        accountId = event.accountId();
        livemode = event.livemode();
        to = event.to().value();
        channels = new ArrayList<>(List.of(event.channel()));
        channels.addAll(event.fallback());
        template = event.template();
        message = event.message();
        transaction = event.transaction();
        sealedCode = event.encryptedCode();
        expiresAt = event.expiresAt();
        startAttempt(0, event.requestedAt(), dispatcher, cipher, deadlines, settings, clock);
    }

    @SagaEventHandler(associationProperty = OTP_ID)
    public void on(OtpDispatchedEvent event, DeadlineManager deadlines, DeliverySettings settings) {
        if (event.attempt() != attempt) {
            return;
        }
        cancelTimeout(deadlines);
        dispatched = true;
        Duration receiptTimeout = settings.receiptTimeout(event.channel());
        if (!receipted && !receiptTimeout.isZero()) {
            timeoutId = deadlines.schedule(receiptTimeout, RECEIPT_TIMEOUT, attempt);
        }
    }

    @SagaEventHandler(associationProperty = OTP_ID)
    public void on(OtpDeliveredEvent event, DeadlineManager deadlines) {
        if (event.attempt() == attempt) {
            receipted = true;
            cancelTimeout(deadlines);
        }
    }

    @SagaEventHandler(associationProperty = OTP_ID)
    public void on(OtpDeliveryFailedEvent event, CarrierDispatch dispatcher, SecretCipher cipher,
                   DeadlineManager deadlines, DeliverySettings settings, Clock clock, DeliveryMetrics metrics) {
        if (event.attempt() == attempt) {
            nextChannel(dispatcher, cipher, deadlines, settings, clock, metrics);
        }
    }

    /** No receipt in time: worth trying the next channel too, though the first message may still arrive. */
    @SagaEventHandler(associationProperty = OTP_ID)
    public void on(OtpDeliveryUnconfirmedEvent event, CarrierDispatch dispatcher, SecretCipher cipher,
                   DeadlineManager deadlines, DeliverySettings settings, Clock clock, DeliveryMetrics metrics) {
        if (event.attempt() == attempt) {
            nextChannel(dispatcher, cipher, deadlines, settings, clock, metrics);
        }
    }

    /** A resend starts a new round on the primary channel; what the previous round still reports is ignored. */
    @SagaEventHandler(associationProperty = OTP_ID)
    public void on(OtpResentEvent event, CarrierDispatch dispatcher, SecretCipher cipher, DeadlineManager deadlines,
                   DeliverySettings settings, Clock clock) {
        cancelTimeout(deadlines);
        if (event.newCode()) {
            sealedCode = event.encryptedCode();
        }
        startAttempt(event.round() * channels.size(), clock.instant(), dispatcher, cipher, deadlines, settings,
                clock);
    }

    @DeadlineHandler(deadlineName = ATTEMPT_TIMEOUT)
    public void onAttemptTimeout(Integer timedOutAttempt, CarrierDispatch dispatcher, SecretCipher cipher,
                                 DeadlineManager deadlines, DeliverySettings settings, Clock clock,
                                 CommandGateway commands, NodeLiveness nodes) {
        if (timedOutAttempt != attempt || receipted) {
            return;
        }
        timeoutId = null;
        if (dispatched) {
            if (sentAt == null) { // scheduled by a version that waited for receipts under this name too
                commands.send(new RecordOtpDeliveryUnconfirmedCommand(otpId, channel(), attempt));
            }
        } else if (stillQueued(settings, clock, nodes)) {
            timeoutId = deadlines.schedule(Duration.between(clock.instant(), sentAt.plus(settings.sendTimeout())),
                    ATTEMPT_TIMEOUT, attempt);
        } else if (sends < 2) {
            send(dispatcher, cipher, deadlines, settings, clock);
        } else {
            commands.send(new RecordOtpDeliveryFailedCommand(otpId, channel(), attempt,
                    FailureReason.CARRIER_TIMEOUT.wireName()));
        }
    }

    /** Within the send timeout, and the node holding the send is alive: its carrier call may still be running. */
    private boolean stillQueued(DeliverySettings settings, Clock clock, NodeLiveness nodes) {
        return sentBy != null && sentAt != null && clock.instant().isBefore(sentAt.plus(settings.sendTimeout()))
                && !nodes.gone(sentBy);
    }

    @DeadlineHandler(deadlineName = RECEIPT_TIMEOUT)
    public void onReceiptTimeout(Integer timedOutAttempt, CommandGateway commands) {
        if (timedOutAttempt == attempt && dispatched && !receipted) {
            timeoutId = null;
            commands.send(new RecordOtpDeliveryUnconfirmedCommand(otpId, channel(), attempt));
        }
    }

    /** Verified, expired, locked, failed or cancelled: nothing is left to deliver. */
    @EndSaga
    @SagaEventHandler(associationProperty = OTP_ID)
    public void on(OtpEndedEvent event, DeadlineManager deadlines) {
        cancelTimeout(deadlines);
    }

    private void nextChannel(CarrierDispatch dispatcher, SecretCipher cipher, DeadlineManager deadlines,
                             DeliverySettings settings, Clock clock, DeliveryMetrics metrics) {
        cancelTimeout(deadlines);
        if (attempt % channels.size() + 1 < channels.size()) {
            Channel from = channel();
            startAttempt(attempt + 1, clock.instant(), dispatcher, cipher, deadlines, settings, clock);
            metrics.fallback(from, channel());
        }
    }

    private void startAttempt(int next, Instant dueAt, CarrierDispatch dispatcher, SecretCipher cipher,
                              DeadlineManager deadlines, DeliverySettings settings, Clock clock) {
        attempt = next;
        attemptDueAt = dueAt;
        sends = 0;
        dispatched = false;
        receipted = false;
        send(dispatcher, cipher, deadlines, settings, clock);
    }

    private void send(CarrierDispatch dispatcher, SecretCipher cipher, DeadlineManager deadlines,
                      DeliverySettings settings, Clock clock) {
        Instant now = clock.instant();
        if (!now.isBefore(expiresAt)) {
            return; // nothing worth delivering any more; the expiry ends this saga
        }
        sends++;
        Channel channel = channel();
        String code = cipher.decrypt(sealedCode, otpId);
        String text = MessageTexts.render(channel, code, Duration.between(now, expiresAt), message, transaction);
        dispatcher.submit(livemode, new OutboundMessage(otpId, attempt, attempt % channels.size(), accountId,
                channel, to, code, text, template, expiresAt, attemptDueAt, message, transaction));
        sentBy = dispatcher.node();
        sentAt = now;
        Duration check = sentBy == null ? settings.sendTimeout() : settings.dispatchCheck();
        timeoutId = deadlines.schedule(check, ATTEMPT_TIMEOUT, attempt);
    }

    /** Attempt n of any round is channel n mod the number of channels: each round walks the same list. */
    private Channel channel() {
        return channels.get(attempt % channels.size());
    }

    /**
     * The cancel runs as the transaction commits; one that finds the deadline firing at that moment is ignored by the
     * deadline manager (the gateway's TolerantDeadlineManager), and the firing handler finds the attempt moved on.
     */
    private void cancelTimeout(DeadlineManager deadlines) {
        if (timeoutId != null) {
            deadlines.cancelSchedule(dispatched ? RECEIPT_TIMEOUT : ATTEMPT_TIMEOUT, timeoutId);
            timeoutId = null;
        }
    }
}
