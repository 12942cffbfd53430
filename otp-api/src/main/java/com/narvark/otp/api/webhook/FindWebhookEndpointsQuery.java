package com.narvark.otp.api.webhook;

/** Every endpoint of one account and environment, oldest first; answers a list of {@link WebhookEndpointView}. */
public record FindWebhookEndpointsQuery(String accountId, boolean livemode) {
}
