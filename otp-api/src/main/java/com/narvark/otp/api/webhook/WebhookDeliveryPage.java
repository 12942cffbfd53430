package com.narvark.otp.api.webhook;

import java.util.List;

/** A page of the event log; {@code hasMore} tells whether a next page exists after the last delivery. */
public record WebhookDeliveryPage(List<WebhookDeliveryView> deliveries, boolean hasMore) {
}
