package com.narvark.otp.webhooks;

import java.time.Duration;

/**
 * How the sender works: {@code timeout} bounds one whole attempt (resolve, connect, TLS, request, response
 * headers), {@code lease} is how long a claimed delivery stays invisible to other nodes (renewed while its batch
 * runs; a node that dies mid-post frees it when it ends), {@code perAccountConcurrency} how many of the {@code threads} one account's endpoints may hold
 * at once, {@code disableAfter} how long an endpoint may fail without a single success before it is disabled.
 */
record SenderSettings(boolean enabled, Duration pollInterval, Duration timeout, Duration lease, int threads,
                      int perAccountConcurrency, int batchSize, Duration disableAfter) {

    SenderSettings {
        // Below the thread count, or one account's hanging endpoints could still hold every thread.
        if (perAccountConcurrency < 1 || perAccountConcurrency >= threads) {
            throw new IllegalArgumentException("narvark.webhooks.sender.per-account-concurrency must be at least 1 "
                    + "and below narvark.webhooks.sender.threads");
        }
        // A batch renews its lease when less than two timeouts remain; a shorter lease would renew before each post.
        if (lease.compareTo(timeout.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("narvark.webhooks.sender.lease must be at least three times "
                    + "narvark.webhooks.sender.timeout");
        }
    }
}
