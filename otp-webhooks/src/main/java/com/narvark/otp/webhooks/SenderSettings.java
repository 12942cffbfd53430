package com.narvark.otp.webhooks;

import java.time.Duration;

/**
 * How the sender works: {@code timeout} bounds one whole attempt (resolve, connect, TLS, request, response headers),
 * {@code lease} is how long a claimed
 * delivery stays invisible to other nodes (a node that dies mid-post frees it then), {@code disableAfter} is how
 * long an endpoint may fail without a single success before it is disabled.
 */
record SenderSettings(boolean enabled, Duration pollInterval, Duration timeout, Duration lease, int threads,
                      int batchSize, Duration disableAfter) {
}
