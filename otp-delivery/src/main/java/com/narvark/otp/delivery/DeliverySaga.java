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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 */
@Saga
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class DeliverySaga {

    static final String ATTEMPT_TIMEOUT = "delivery-attempt-timeout";
    private static final String OTP_ID = "otpId";

    private String otpId;
    private String accountId;
    private boolean livemode;
    private String to;
    private List<Channel> channels;
    private String template;
    private byte[] sealedCode;
    private Instant expiresAt;
    private int attempt;
    /** When the current attempt became due; dispatch latency is measured from it. */
    private Instant attemptDueAt;
    private int sends;
    private boolean dispatched;
    private boolean receipted;
    private String timeoutId;

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
        sealedCode = event.encryptedCode();
        expiresAt = event.expiresAt();
        startAttempt(0, event.requestedAt(), dispatcher, cipher, deadlines, settings, clock);
    }

    @SagaEventHandler(associationProperty = OTP_ID)
    public void on(OtpDispatchedEvent event, DeadlineManager deadlines, DeliverySettings settings) {
        if (event.attempt() != attempt) {
            return;
        }
        dispatched = true;
        cancelTimeout(deadlines);
        Duration receiptTimeout = settings.receiptTimeout(event.channel());
        if (!receipted && !receiptTimeout.isZero()) {
            timeoutId = deadlines.schedule(receiptTimeout, ATTEMPT_TIMEOUT, attempt);
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
                                 CommandGateway commands) {
        if (timedOutAttempt != attempt || receipted) {
            return;
        }
        timeoutId = null;
        if (!dispatched && sends < 2) {
            send(dispatcher, cipher, deadlines, settings, clock);
            return;
        }
        if (dispatched) {
            commands.send(new RecordOtpDeliveryUnconfirmedCommand(otpId, channel(), attempt));
        } else {
            commands.send(new RecordOtpDeliveryFailedCommand(otpId, channel(), attempt,
                    FailureReason.CARRIER_TIMEOUT.wireName()));
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
        String text = OtpMessageText.render(channel, code, Duration.between(now, expiresAt), Locale.ENGLISH);
        dispatcher.submit(livemode, new OutboundMessage(otpId, attempt, attempt % channels.size(), accountId,
                channel, to, code, text, template, expiresAt, attemptDueAt));
        timeoutId = deadlines.schedule(settings.sendTimeout(), ATTEMPT_TIMEOUT, attempt);
    }

    /** Attempt n of any round is channel n mod the number of channels: each round walks the same list. */
    private Channel channel() {
        return channels.get(attempt % channels.size());
    }

    private void cancelTimeout(DeadlineManager deadlines) {
        if (timeoutId != null) {
            deadlines.cancelSchedule(ATTEMPT_TIMEOUT, timeoutId);
            timeoutId = null;
        }
    }
}
