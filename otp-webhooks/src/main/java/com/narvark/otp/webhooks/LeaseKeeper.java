package com.narvark.otp.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the leases of the batches this node is sending, every third of a lease, on its own thread: a post that runs
 * long keeps its lease, and the lease itself can stay short, so the deliveries of a node that dies come back to the
 * other nodes within one lease (10 s by default; with the 30 s lease a batch claimed just before a kill -9 held its
 * endpoint's webhooks back for 30 s, measured by the fault suite). One statement per batch in flight per renewal.
 * A renewal that fails (database away) is tried at the next tick; a lease that ran out meanwhile stops its batch.
 */
final class LeaseKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

    private final DeliveryQueue queue;
    private final Duration lease;
    private final Clock clock;
    private final Set<HeldBatch> held = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService renewer;

    LeaseKeeper(DeliveryQueue queue, Duration lease, Clock clock) {
        this.queue = queue;
        this.lease = lease;
        this.clock = clock;
    }

    /** In whole microseconds, as PostgreSQL stores it, so a renewal can tell the lease it set from another's. */
    Instant leaseFromNow() {
        return clock.instant().plus(lease).truncatedTo(ChronoUnit.MICROS);
    }

    HeldBatch hold(List<ClaimedDelivery> deliveries, Instant leaseUntil) {
        HeldBatch batch = new HeldBatch(deliveries, leaseUntil);
        held.add(batch);
        return batch;
    }

    void letGo(HeldBatch batch) {
        held.remove(batch);
    }

    synchronized void start() {
        renewer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "webhook-lease-keeper");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(1, lease.toMillis() / 3);
        renewer.scheduleWithFixedDelay(this::renewAll, every, every, TimeUnit.MILLISECONDS);
    }

    synchronized void stop() {
        if (renewer != null) {
            renewer.shutdownNow();
            renewer = null;
        }
    }

    void renewAll() {
        for (HeldBatch batch : held) {
            try {
                batch.renew(queue, leaseFromNow());
            } catch (RuntimeException e) {
                LOG.warn("could not renew the lease of {} webhook deliveries; trying again: {}", batch.rest().size(),
                        e.toString());
            }
        }
    }
}
