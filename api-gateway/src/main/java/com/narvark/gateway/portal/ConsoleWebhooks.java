package com.narvark.gateway.portal;

import com.narvark.otp.api.webhook.WebhookEndpointView;
import com.narvark.otp.api.webhook.WebhookEventType;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The console's webhook section: endpoints of both environments and the form that adds one. */
final class ConsoleWebhooks {

    private ConsoleWebhooks() {
    }

    static String section(List<WebhookEndpointView> endpoints, String csrf) {
        StringBuilder rows = new StringBuilder();
        for (WebhookEndpointView e : endpoints) {
            String environment = e.livemode() ? "live" : "test";
            rows.append("<tr data-endpoint-id=\"").append(Html.esc(e.endpointId())).append("\"><td>")
                    .append(environment).append("</td><td><code>").append(Html.esc(e.url())).append("</code></td><td>")
                    .append(Html.esc(e.events().stream().map(WebhookEventType::wireName).sorted()
                            .collect(Collectors.joining(", ")))).append("</td><td>")
                    .append(e.enabled() ? "enabled" : "disabled: " + Html.esc(e.disabledReason())).append("</td><td>")
                    .append("<a href=\"/portal/console/webhooks/").append(Html.esc(e.endpointId()))
                    .append("?environment=").append(environment).append("\">Recent deliveries</a> ")
                    .append(Html.button("/portal/console/webhooks/" + e.endpointId() + "/rotate", csrf,
                            "Rotate secret", Map.of("environment", environment)))
                    .append("</td></tr>");
        }
        return "<h2>Webhook endpoints</h2>" + (rows.isEmpty() ? "<p>No endpoints yet.</p>" : "<table><thead><tr>"
                + "<th scope=\"col\">Environment</th><th scope=\"col\">URL</th><th scope=\"col\">Events</th>"
                + "<th scope=\"col\">State</th><th scope=\"col\">Actions</th></tr></thead><tbody>" + rows
                + "</tbody></table>")
                + "<form method=\"post\" action=\"/portal/console/webhooks\">" + Html.csrf(csrf)
                + "<div class=\"field\"><label for=\"webhook-url\">Endpoint URL (https)</label>"
                + "<input id=\"webhook-url\" name=\"url\" type=\"url\" required "
                + "placeholder=\"https://example.com/narvark/webhooks\"></div>"
                + "<div class=\"field\"><label for=\"webhook-environment\">Environment</label>"
                + "<select id=\"webhook-environment\" name=\"environment\"><option value=\"test\">Test</option>"
                + "<option value=\"live\">Live</option></select></div>"
                + "<button type=\"submit\">Add endpoint</button></form>";
    }
}
