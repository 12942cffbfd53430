package com.narvark.otp.webhooks;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-account cap on the sender's threads. Every account has at most {@code cap} lanes on this node; a lane is
 * one worker task running its account's endpoint batches one after another until none waits. So the slow or
 * hanging endpoints of one account hold at most {@code cap} of the shared threads, and the others keep serving
 * every other account. While an account's lanes are all busy the sender claims nothing more of it.
 */
final class AccountLanes {

    private static final Logger LOG = LoggerFactory.getLogger(AccountLanes.class);

    private final int cap;
    private final Map<String, Account> accounts = new HashMap<>();

    AccountLanes(int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("the per-account concurrency must be at least 1");
        }
        this.cap = cap;
    }

    /**
     * Queues one endpoint's batch for its account.
     *
     * @return a new lane to run on a worker, or null when the account's lanes are all busy (one of them runs it)
     */
    synchronized Runnable add(String accountId, Runnable batch) {
        Account account = accounts.computeIfAbsent(accountId, id -> new Account());
        account.waiting.add(batch);
        if (account.lanes == cap) {
            return null;
        }
        account.lanes++;
        return () -> drain(accountId);
    }

    /** The accounts whose lanes are all busy: the next claim skips them. */
    synchronized List<String> full() {
        return accounts.entrySet().stream().filter(e -> e.getValue().lanes == cap).map(Map.Entry::getKey).toList();
    }

    private void drain(String accountId) {
        for (Runnable batch = next(accountId); batch != null; batch = next(accountId)) {
            try {
                batch.run();
            } catch (RuntimeException e) {
                // The lane must go on (or end and free its slot); the batch's leases run out and it is sent again.
                LOG.warn("a webhook batch of account {} failed", accountId, e);
            }
        }
    }

    private synchronized Runnable next(String accountId) {
        Account account = accounts.get(accountId);
        Runnable batch = account.waiting.poll();
        if (batch == null && --account.lanes == 0) {
            accounts.remove(accountId);
        }
        return batch;
    }

    private static final class Account {
        private final Deque<Runnable> waiting = new ArrayDeque<>();
        private int lanes;
    }
}
