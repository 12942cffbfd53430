package com.narvark.otp.delivery;

import com.narvark.otp.api.crypto.SecretCipher;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires the delivery processes' timeouts: every node looks for due rows at a fixed interval, locks a batch with
 * {@code SKIP LOCKED} (so nodes share the work and never fire one timeout twice), steps each process and writes it in
 * one transaction, then carries out the decisions. A timeout that fires late (the node was busy or down) still sees
 * the process as it is then: an attempt that has moved on has no timeout pending.
 */
@Component
class DeliveryTimeouts implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryTimeouts.class);

    private final DeliveryProcesses processes;
    private final DeliveryActions actions;
    private final DeliverySettings settings;
    private final SecretCipher cipher;
    private final NodeLiveness nodes;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final Duration interval;
    private final int batchSize;
    private ScheduledExecutorService poller;

    DeliveryTimeouts(DeliveryProcesses processes, DeliveryActions actions, DeliverySettings settings,
                     SecretCipher cipher, NodeLiveness nodes, Clock clock, PlatformTransactionManager transactions,
                     @Value("${narvark.delivery.timeouts.poll-interval:500ms}") Duration interval,
                     @Value("${narvark.delivery.timeouts.batch-size:100}") int batchSize) {
        this.processes = processes;
        this.actions = actions;
        this.settings = settings;
        this.cipher = cipher;
        this.nodes = nodes;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactions);
        this.interval = interval;
        this.batchSize = batchSize;
    }

    private record Fired(DeliveryProcess process, DeliveryStep step) {
    }

    /** Fires what is due now; true when the batch was full (more may be due). */
    boolean fireDue() {
        List<Fired> fired = new ArrayList<>();
        transactions.executeWithoutResult(status -> {
            for (DeliveryProcess process : processes.lockDue(clock.instant(), batchSize)) {
                DeliveryStep step = new DeliveryStep(clock, settings, cipher, nodes, actions.node());
                process.timeoutDue(step);
                processes.update(process);
                fired.add(new Fired(process, step));
            }
        });
        fired.forEach(done -> actions.carryOut(done.process(), done.step()));
        return fired.size() == batchSize;
    }

    private void poll() {
        try {
            while (fireDue()) {
                LOG.debug("a full batch of delivery timeouts fired; looking again at once");
            }
        } catch (RuntimeException e) {
            LOG.warn("delivery timeouts could not be fired now; next look in {}", interval, e);
        }
    }

    @Override
    public void start() {
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "delivery-timeouts");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }
}
