package com.narvark.otp.api.webhook;

/** Puts a delivery back in the queue for an immediate attempt; answers its view, or null when unknown. */
public record RedeliverWebhookCommand(String deliveryId, String accountId, boolean livemode) {
}
