package com.narvark.accounts;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a cache invalidation once the current transaction has committed, or at once outside one, so this node's own
 * writes reach its own caches before it answers; other nodes learn of them through the change feed. The gateway
 * has the same helper for its caches: this module depends on no gateway code, and otp-api stays free of Spring.
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
