package com.narvark.otp.api.webhook;

/** The event log, newest first; null filters match everything, {@code startingAfter} is a delivery id cursor. */
public record FindWebhookDeliveriesQuery(String accountId, boolean livemode, String endpointId,
                                         WebhookEventType type, WebhookDeliveryStatus status, String startingAfter,
                                         int limit) {
}
