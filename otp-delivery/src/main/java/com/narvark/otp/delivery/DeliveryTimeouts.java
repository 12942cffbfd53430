package com.narvark.otp.delivery;

import com.narvark.otp.api.BatchPoller;
import com.narvark.otp.api.crypto.SecretCipher;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    private final DeliveryProcesses processes;
    private final DeliveryActions actions;
    private final DeliverySettings settings;
    private final SecretCipher cipher;
    private final NodeLiveness nodes;
    private final AcceptedSends accepted;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final int batchSize;
    private final BatchPoller poller;

    DeliveryTimeouts(DeliveryProcesses processes, DeliveryActions actions, DeliverySettings settings,
                     SecretCipher cipher, NodeLiveness nodes, AcceptedSends accepted, Clock clock,
                     PlatformTransactionManager transactions,
                     @Value("${narvark.delivery.timeouts.poll-interval:500ms}") Duration interval,
                     @Value("${narvark.delivery.timeouts.batch-size:100}") int batchSize) {
        this.processes = processes;
        this.actions = actions;
        this.settings = settings;
        this.cipher = cipher;
        this.nodes = nodes;
        this.accepted = accepted;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactions);
        this.batchSize = batchSize;
        this.poller = new BatchPoller("delivery-timeouts", interval, this::fireDue);
    }

    private record Fired(DeliveryProcess process, DeliveryStep step) {
    }

    /** Fires what is due now; true when the batch was full (more may be due). */
    boolean fireDue() {
        List<Fired> fired = new ArrayList<>();
        transactions.executeWithoutResult(status -> {
            for (DeliveryProcess process : processes.lockDue(clock.instant(), batchSize)) {
                DeliveryStep step = new DeliveryStep(clock, settings, cipher, nodes, accepted, processes,
                        actions.node());
                process.timeoutDue(step);
                processes.update(process);
                fired.add(new Fired(process, step));
            }
        });
        fired.forEach(done -> actions.carryOut(done.process(), done.step()));
        return fired.size() == batchSize;
    }

    @Override
    public void start() {
        poller.start();
    }

    @Override
    public void stop() {
        poller.stop();
    }

    @Override
    public boolean isRunning() {
        return poller.isRunning();
    }
}
