package com.narvark.gateway.webhooks;

import com.narvark.gateway.error.ApiException;
import com.narvark.gateway.otp.JsonFields;
import com.narvark.otp.api.webhook.WebhookEventType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code POST /v1/webhook_endpoints}. Only the URL's shape is checked here; whether its host resolves to a
 * public address is the webhooks module's SSRF guard's call, at registration and again at every delivery.
 */
public final class EndpointRequestParser {

    static final int MAX_URL_LENGTH = 2048;

    private EndpointRequestParser() {
    }

    public record EndpointRequest(String url, Set<WebhookEventType> events) {
    }

    public static EndpointRequest parse(Map<String, Object> body) {
        JsonFields fields = new JsonFields(body, "url", "events");
        return new EndpointRequest(url(fields.requiredString("url")), events(fields.raw("events").orElse(null)));
    }

    private static String url(String url) {
        if (url.length() > MAX_URL_LENGTH) {
            throw ApiException.invalid("url", "url must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw ApiException.invalid("url", "url must be an absolute http or https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw ApiException.invalid("url", "url must be an absolute http or https URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw ApiException.invalid("url", "url must not contain credentials");
        }
        return url;
    }

    /** Absent or {@code ["*"]}: every event type (the empty set). */
    private static Set<WebhookEventType> events(Object raw) {
        if (raw == null) {
            return EnumSet.noneOf(WebhookEventType.class);
        }
        if (!(raw instanceof List<?> list) || list.isEmpty()) {
            throw ApiException.invalid("events", "events must be a non-empty array of event types");
        }
        if (list.equals(List.of("*"))) {
            return EnumSet.noneOf(WebhookEventType.class);
        }
        Set<WebhookEventType> events = EnumSet.noneOf(WebhookEventType.class);
        for (Object item : list) {
            if (!(item instanceof String name)) {
                throw ApiException.invalid("events", "events must be an array of strings");
            }
            events.add(WebhookEventType.fromWireName(name).orElseThrow(
                    () -> ApiException.invalid("events", "unknown event type: " + name)));
        }
        return events;
    }
}
