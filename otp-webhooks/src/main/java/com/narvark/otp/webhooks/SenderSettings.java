package com.narvark.otp.webhooks;

import java.time.Duration;

/**
 * How the sender works: {@code timeout} bounds one whole attempt (resolve, connect, TLS, request, response
 * headers), {@code lease} is how long a claimed delivery stays invisible to other nodes (renewed every third of it
 * while its batch runs, a post included; a node that dies mid-post frees it when it ends),
 * {@code perAccountConcurrency} how many of the {@code threads} one account's endpoints may hold at once,
 * {@code disableAfter} how long an endpoint may fail without a single success before it is disabled,
 * {@code postsInFlight} how many of one endpoint's deliveries a lane posts at once (of different OTPs).
 */
record SenderSettings(boolean enabled, Duration pollInterval, Duration timeout, Duration lease, int threads,
                      int perAccountConcurrency, int batchSize, Duration disableAfter, int postsInFlight) {

    SenderSettings {
        // Below the thread count, or one account's hanging endpoints could still hold every thread.
        if (perAccountConcurrency < 1 || perAccountConcurrency >= threads) {
            throw new IllegalArgumentException("narvark.webhooks.sender.per-account-concurrency must be at least 1 "
                    + "and below narvark.webhooks.sender.threads");
        }
        if (postsInFlight < 1) {
            throw new IllegalArgumentException("narvark.webhooks.sender.posts-in-flight must be at least 1");
        }
        // Renewed every third of a lease: a shorter one would renew several times a second and leave no room for
        // one slow renewal statement before the lease runs out.
        if (lease.compareTo(Duration.ofSeconds(3)) < 0) {
            throw new IllegalArgumentException("narvark.webhooks.sender.lease must be at least 3 s");
        }
    }
}
