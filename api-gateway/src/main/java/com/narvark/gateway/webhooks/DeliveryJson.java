package com.narvark.gateway.webhooks;

import com.narvark.otp.api.webhook.WebhookAttemptView;
import com.narvark.otp.api.webhook.WebhookDeliveryView;
import java.time.Instant;
import java.util.List;

/** One entry of the event log: an event sent (or to be sent) to one endpoint, with every attempt. */
record DeliveryJson(String id, String object, String endpointId, String eventId, String type, String otpId,
                    String status, Instant nextAttemptAt, Instant createdAt, List<AttemptJson> attempts) {

    static DeliveryJson of(WebhookDeliveryView v) {
        return new DeliveryJson(v.deliveryId(), "webhook_delivery", v.endpointId(), v.eventId(),
                v.type().wireName(), v.otpId(), v.status().wireName(), v.nextAttemptAt(), v.createdAt(),
                v.attempts().stream().map(AttemptJson::of).toList());
    }

    record AttemptJson(Instant attemptedAt, Integer httpStatus, long latencyMs, String error) {

        static AttemptJson of(WebhookAttemptView a) {
            return new AttemptJson(a.attemptedAt(), a.httpStatus(), a.latencyMs(), a.error());
        }
    }
}
