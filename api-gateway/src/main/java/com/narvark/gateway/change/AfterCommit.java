package com.narvark.gateway.change;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a cache invalidation once the current transaction has committed, or at once outside one (an auto-committed
 * statement has committed when it returns). A node's own writes thus reach its own caches before it answers the
 * request that made them; other nodes learn of them through the change feed. Reached by the other modules through
 * {@link com.narvark.otp.api.change.ChangeFeed#afterCommit}, so they need no copy of it.
 */
final class AfterCommit {

    private AfterCommit() {
    }

    static void run(Runnable invalidation) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    invalidation.run();
                }
            });
        } else {
            invalidation.run();
        }
    }
}
