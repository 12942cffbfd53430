package com.narvark.otp.api.webhook;

/** One endpoint of the caller; another account's or environment's is not found. */
public record FindWebhookEndpointQuery(String endpointId, String accountId, boolean livemode) {
}
