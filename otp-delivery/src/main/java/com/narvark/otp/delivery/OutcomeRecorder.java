package com.narvark.otp.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a carrier's answer on the OTP, from the node that made the call, until it sticks. While this node lives
 * nobody else sends the message again (its delivery process waits for this node's word), so an answer lost to a
 * database outage would leave the attempt hanging: it is retried, backing off from 0.5 s to 30 s, until the OTP
 * expires (after that the answer changes nothing). If this node dies meanwhile, the process finds the carrier's
 * acceptance in {@link CarrierMessages}, or sends again.
 */
final class OutcomeRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(OutcomeRecorder.class);
    private static final long MAX_DELAY_MILLIS = 30_000;

    private final CommandGateway commands;
    private final Clock clock;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "carrier-outcome-retry");
        thread.setDaemon(true);
        return thread;
    });

    OutcomeRecorder(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    /** Waits for the first try (a receipt that follows must find the dispatch recorded), retries in the background. */
    void record(Object command, Instant until) {
        try {
            commands.sendAndWait(command);
        } catch (RuntimeException e) {
            retryLater(command, until, 1, e);
        }
    }

    private void retryLater(Object command, Instant until, int tries, Throwable failure) {
        if (!clock.instant().isBefore(until)) {
            LOG.error("could not record {}; giving up, the OTP has expired", command, failure);
            return;
        }
        long delay = Math.min(MAX_DELAY_MILLIS, 500L << Math.min(tries - 1, 6));
        LOG.warn("could not record {} (try {}); trying again in {} ms", command, tries, delay, failure);
        try {
            retries.schedule(() -> commands.send(command).whenComplete((result, next) -> {
                if (next != null) {
                    retryLater(command, until, tries + 1, next);
                }
            }), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            LOG.warn("not recording {}: this node is stopping; its delivery process settles the attempt", command);
        }
    }

    void stop() {
        retries.shutdownNow();
    }
}
