package com.narvark.otp.api.webhook;

import java.util.Set;

/** Registers an endpoint; answers its {@link WebhookEndpointView} with the secret. Empty {@code events} = all. */
public record CreateWebhookEndpointCommand(String accountId, boolean livemode, String url,
                                           Set<WebhookEventType> events) {
}
