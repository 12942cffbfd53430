package com.narvark.otp.webhooks;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One lane's claimed deliveries of one endpoint, in order, with how far the lane got and the lease it holds on what
 * is not yet written down: the deliveries not yet posted and the successes waiting in {@link Successes}. The lane
 * advances; {@link LeaseKeeper} renews that lease, and marks the batch lost when another node took it over (this
 * node stalled past its lease): a lost batch is not sent further, the other node sends it, in order. Renewal and
 * advancing lock the batch, so a renewal always sees where the batch stands.
 */
final class HeldBatch {

    private final List<ClaimedDelivery> deliveries;
    private int next;
    /** The first delivery whose outcome is not written down yet; from here on the lease is still needed. */
    private int unrecorded;
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
        List<ClaimedDelivery> wave = wave(now, 1);
        return wave.isEmpty() ? null : wave.get(0);
    }

    /**
     * The next deliveries to post together: up to {@code max} in order, ending before the first one whose OTP is
     * already among them, so that one OTP's events still reach the endpoint one after another. Empty when the batch is
     * done or no longer this node's to send.
     */
    synchronized List<ClaimedDelivery> wave(Instant now, int max) {
        if (lost || !now.isBefore(leaseUntil)) {
            return List.of();
        }
        Set<String> otps = new HashSet<>();
        int end = next;
        while (end < deliveries.size() && end - next < max && otps.add(deliveries.get(end).otpId())) {
            end++;
        }
        return deliveries.subList(next, end);
    }

    /** The current delivery was posted (its outcome recorded, or a success waiting to be written with others). */
    synchronized void advance() {
        advance(1);
    }

    /** The current wave of {@code count} deliveries was posted. */
    synchronized void advance(int count) {
        next += count;
    }

    /** The outcomes of the next {@code count} posted deliveries were written down. */
    synchronized void recorded(int count) {
        unrecorded = Math.min(next, unrecorded + count);
    }

    /** Deliveries not yet posted, the current one included when it was not recorded. */
    synchronized List<ClaimedDelivery> rest() {
        return deliveries.subList(next, deliveries.size());
    }

    /**
     * Extends the lease of what is not written down yet, as one statement: still held when the first of it still
     * carries this node's lease, lost otherwise.
     */
    synchronized void renew(DeliveryQueue queue, Instant renewedUntil) {
        if (lost || unrecorded >= deliveries.size()) {
            return;
        }
        List<ClaimedDelivery> needed = deliveries.subList(unrecorded, deliveries.size());
        List<ClaimedDelivery> held = queue.renew(needed, leaseUntil, renewedUntil);
        if (held.isEmpty() || !held.get(0).deliveryId().equals(needed.get(0).deliveryId())) {
            lost = true;
        } else {
            leaseUntil = renewedUntil;
        }
    }
}
