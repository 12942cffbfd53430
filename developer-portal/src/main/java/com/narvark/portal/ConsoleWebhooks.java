package com.narvark.portal;

import com.narvark.otp.api.webhook.WebhookEndpointView;
import com.narvark.otp.api.webhook.WebhookEventType;
import java.util.List;
import java.util.stream.Collectors;

/** The console's webhook table, as the page shows it (portal/console :: webhooks): both environments. */
final class ConsoleWebhooks {

    private ConsoleWebhooks() {
    }

    record EndpointRow(String endpointId, String environment, String url, String events, String state) {
    }

    static List<EndpointRow> rows(List<WebhookEndpointView> endpoints) {
        return endpoints.stream().map(e -> new EndpointRow(e.endpointId(), e.livemode() ? "live" : "test", e.url(),
                e.events().stream().map(WebhookEventType::wireName).sorted().collect(Collectors.joining(", ")),
                e.enabled() ? "enabled" : "disabled: " + (e.disabledReason() == null ? "" : e.disabledReason())))
                .toList();
    }
}
