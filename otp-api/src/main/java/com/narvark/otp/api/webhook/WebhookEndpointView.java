package com.narvark.otp.api.webhook;

import java.time.Instant;
import java.util.Set;

/** An endpoint as its owner sees it. {@code secret} is set only in answers to creation and rotation. */
public record WebhookEndpointView(String endpointId, boolean livemode, String url, Set<WebhookEventType> events,
                                  boolean enabled, String disabledReason, Instant createdAt, String secret,
                                  Instant previousSecretExpiresAt) {
}
