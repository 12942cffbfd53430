package com.narvark.otp.webhooks;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a cache invalidation once the current transaction has committed, or at once outside one: this node's own
 * endpoint changes reach its own cache before it answers; other nodes learn of them through the change feed.
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
