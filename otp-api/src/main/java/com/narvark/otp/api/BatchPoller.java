package com.narvark.otp.api;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a batch of due work on a daemon thread of its own at a fixed delay, and again at once while a batch comes back
 * full. A failing look (the database away, say) is logged and retried at the next interval; the thread never dies.
 * Shared by the pollers that keep timeouts as rows (delivery timeouts, OTP expiries).
 */
public final class BatchPoller {

    private static final Logger LOG = LoggerFactory.getLogger(BatchPoller.class);

    private final String name;
    private final Duration interval;
    private final BooleanSupplier batch;
    private ScheduledExecutorService thread;

    /** {@code batch}: does one batch of work; true when it was full, so more may be due at once. */
    public BatchPoller(String name, Duration interval, BooleanSupplier batch) {
        this.name = name;
        this.interval = interval;
        this.batch = batch;
    }

    public synchronized void start() {
        thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread daemon = new Thread(runnable, name);
            daemon.setDaemon(true);
            return daemon;
        });
        thread.scheduleWithFixedDelay(this::look, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public synchronized void stop() {
        if (thread != null) {
            thread.shutdownNow();
            thread = null;
        }
    }

    public synchronized boolean isRunning() {
        return thread != null;
    }

    private void look() {
        try {
            while (batch.getAsBoolean()) {
                LOG.debug("{}: a full batch; looking again at once", name);
            }
        } catch (RuntimeException e) {
            LOG.warn("{}: could not look now; next look in {}", name, interval, e);
        }
    }
}
