package com.narvark.otp.webhooks;

import java.time.Instant;
import java.util.List;

/**
 * One lane's claimed deliveries of one endpoint, in order, with how far the lane got and the lease it holds on the
 * rest. The lane advances; {@link LeaseKeeper} renews the rest's lease, and marks the batch lost when another node
 * took it over (this node stalled past its lease): a lost batch is not sent further, the other node sends it, in
 * order. Renewal and advancing lock the batch, so a renewal always sees which delivery comes next.
 */
final class HeldBatch {

    private final List<ClaimedDelivery> deliveries;
    private int next;
    private Instant leaseUntil;
    private boolean lost;

    HeldBatch(List<ClaimedDelivery> deliveries, Instant leaseUntil) {
        this.deliveries = List.copyOf(deliveries);
        this.leaseUntil = leaseUntil;
    }

    int size() {
        return deliveries.size();
    }

    /** The next delivery to post, or null when the batch is done or no longer this node's to send. */
    synchronized ClaimedDelivery next(Instant now) {
        return next < deliveries.size() && !lost && now.isBefore(leaseUntil) ? deliveries.get(next) : null;
    }

    /** The current delivery was posted and its outcome recorded. */
    synchronized void advance() {
        next++;
    }

    /** Deliveries not yet posted, the current one included when it was not recorded. */
    synchronized List<ClaimedDelivery> rest() {
        return deliveries.subList(next, deliveries.size());
    }

    synchronized boolean done() {
        return next >= deliveries.size() || lost;
    }

    /**
     * Extends the lease of what is left, as one statement: still held when the next delivery's row still carries
     * this node's lease, lost otherwise.
     */
    synchronized void renew(DeliveryQueue queue, Instant renewedUntil) {
        if (done()) {
            return;
        }
        List<ClaimedDelivery> rest = rest();
        List<ClaimedDelivery> held = queue.renew(rest, leaseUntil, renewedUntil);
        if (held.isEmpty() || !held.get(0).deliveryId().equals(rest.get(0).deliveryId())) {
            lost = true;
        } else {
            leaseUntil = renewedUntil;
        }
    }
}
