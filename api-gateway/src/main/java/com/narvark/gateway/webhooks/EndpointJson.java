package com.narvark.gateway.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.narvark.otp.api.webhook.WebhookEndpointView;
import com.narvark.otp.api.webhook.WebhookEventType;
import java.time.Instant;
import java.util.List;

/** The public webhook endpoint object; {@code secret} appears only in answers to creation and rotation. */
record EndpointJson(String id, String object, String url, List<String> events, String status, String disabledReason,
                    boolean livemode, Instant createdAt,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String secret,
                    @JsonInclude(JsonInclude.Include.NON_NULL) Instant previousSecretExpiresAt) {

    static EndpointJson of(WebhookEndpointView v) {
        List<String> events = v.events().isEmpty() ? List.of("*")
                : v.events().stream().map(WebhookEventType::wireName).toList();
        return new EndpointJson(v.endpointId(), "webhook_endpoint", v.url(), events,
                v.enabled() ? "enabled" : "disabled", v.disabledReason(), v.livemode(), v.createdAt(), v.secret(),
                v.previousSecretExpiresAt());
    }
}
