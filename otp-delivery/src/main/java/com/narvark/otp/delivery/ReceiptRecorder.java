package com.narvark.otp.delivery;

import com.narvark.otp.api.command.RecordOtpDeliveredCommand;
import com.narvark.otp.api.command.RecordOtpDeliveryFailedCommand;
import com.narvark.otp.api.command.RecordOtpReadCommand;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Applies carrier receipts (SMPP deliver_sm, HTTP status callbacks) to the OTP they belong to. Receipts for unknown
 * message ids are ignored (carriers also report messages we never sent through them); repeated receipts change
 * nothing because the aggregate records each outcome of an attempt once.
 * <p>
 * A fast carrier can report a message before the dispatcher has stored its message id (the id only exists once the
 * carrier answered the send, and the receipt travels on another thread): the load benchmark's SMSC, which answers
 * with a receipt at once, lost about a third of its receipts that way. An unknown id is therefore looked up again a
 * few times over about a second before the receipt is dropped.
 */
@Component
public class ReceiptRecorder implements Receipts, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptRecorder.class);
    private static final long[] RETRY_MILLIS = {50, 250, 1_000};

    private final CarrierMessages messages;
    private final CommandGateway commands;
    private final DeliveryMetrics metrics;
    private final Clock clock;
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "receipt-retry");
        thread.setDaemon(true);
        return thread;
    });

    ReceiptRecorder(CarrierMessages messages, CommandGateway commands, DeliveryMetrics metrics, Clock clock) {
        this.messages = messages;
        this.commands = commands;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void delivered(String provider, String carrierMessageId) {
        apply(provider, carrierMessageId, a -> {
            // Every part of a long SMS has its own receipt: the message's latency is measured once, on its first.
            if (a.part() == 1) {
                metrics.receipted(a.channel(), provider, Duration.between(a.acceptedAt(), clock.instant()));
            }
            return new RecordOtpDeliveredCommand(a.otpId(), a.channel(), a.attempt());
        }, 0);
    }

    @Override
    public void read(String provider, String carrierMessageId) {
        apply(provider, carrierMessageId, a -> new RecordOtpReadCommand(a.otpId(), a.channel(), a.attempt()), 0);
    }

    @Override
    public void failed(String provider, String carrierMessageId, CarrierFailure failure) {
        apply(provider, carrierMessageId, a -> new RecordOtpDeliveryFailedCommand(a.otpId(), a.channel(),
                a.attempt(), failure.wireName(), failure.carrierError()), 0);
    }

    /** Errors of the first try reach the caller (an SMSC then redelivers the receipt); later tries log them. */
    private void apply(String provider, String carrierMessageId, Function<CarrierMessages.Attempt, Object> command,
                       int tries) {
        Optional<CarrierMessages.Attempt> attempt = messages.find(provider, carrierMessageId);
        if (attempt.isPresent()) {
            commands.sendAndWait(command.apply(attempt.get()));
        } else if (tries < RETRY_MILLIS.length) {
            try {
                later.schedule(() -> applyLater(provider, carrierMessageId, command, tries + 1), RETRY_MILLIS[tries],
                        TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                unknown(provider, carrierMessageId);
            }
        } else {
            unknown(provider, carrierMessageId);
        }
    }

    private void applyLater(String provider, String carrierMessageId,
                            Function<CarrierMessages.Attempt, Object> command, int tries) {
        try {
            apply(provider, carrierMessageId, command, tries);
        } catch (RuntimeException e) {
            LOG.warn("could not record a receipt from {} for {}", provider, carrierMessageId, e);
        }
    }

    private static void unknown(String provider, String carrierMessageId) {
        LOG.debug("receipt from {} for unknown message {}; ignored", provider, carrierMessageId);
    }

    @Override
    public void destroy() {
        later.shutdownNow();
    }
}
