package com.narvark.otp.webhooks;

import java.time.Instant;

/**
 * A delivery a sender holds under lease: what to post where (and whose, and for which OTP: one OTP's events are
 * posted one after another), with the endpoint's sealed secrets.
 */
record ClaimedDelivery(long seq, String deliveryId, String endpointId, String accountId, String otpId, String eventId,
                       int attemptCount, String url, byte[] payload, byte[] secretCiphertext,
                       byte[] previousSecretCiphertext, Instant previousSecretExpiresAt) {
}
