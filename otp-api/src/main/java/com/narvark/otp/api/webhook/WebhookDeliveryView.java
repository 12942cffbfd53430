package com.narvark.otp.api.webhook;

import java.time.Instant;
import java.util.List;

/** One event sent (or to be sent) to one endpoint, with every attempt so far. */
public record WebhookDeliveryView(String deliveryId, String endpointId, String eventId, WebhookEventType type,
                                  String otpId, WebhookDeliveryStatus status, Instant nextAttemptAt,
                                  Instant createdAt, List<WebhookAttemptView> attempts) {
}
