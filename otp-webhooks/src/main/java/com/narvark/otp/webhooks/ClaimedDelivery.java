package com.narvark.otp.webhooks;

import java.time.Instant;

/** A delivery a sender holds under lease: what to post where (and whose), with the endpoint's sealed secrets. */
record ClaimedDelivery(long seq, String deliveryId, String endpointId, String accountId, String eventId,
                       int attemptCount, String url, byte[] payload, byte[] secretCiphertext,
                       byte[] previousSecretCiphertext, Instant previousSecretExpiresAt) {
}
