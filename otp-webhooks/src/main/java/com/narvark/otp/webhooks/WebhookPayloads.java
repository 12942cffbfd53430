package com.narvark.otp.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.narvark.otp.api.webhook.WebhookEventType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The public event JSON, version {@value #API_VERSION}: built field by field for customers, never a serialised
 * internal event, and it never contains the code or its hash. The bytes are built once and stored, so every
 * attempt posts (and signs) exactly the same body.
 */
final class WebhookPayloads {

    static final String API_VERSION = "2026-11-26";
    // Characters outside the BMP (emoji in metadata) as plain 4-byte UTF-8, not as escaped surrogate pairs.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();

    private WebhookPayloads() {
    }

    /** @param details event-specific fields of {@code data} (attempt, reason…) */
    static byte[] build(String eventId, WebhookEventType type, Instant occurredAt, OtpFacts otp, String channel,
                        Map<String, Object> details) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("object", "otp");
        data.put("otp_id", otp.otpId());
        data.put("status", type.status());
        data.put("channel", channel == null ? otp.channel() : channel);
        data.put("to", otp.to());
        data.put("metadata", otp.metadata());
        data.put("locale", otp.locale());
        data.put("brand", otp.brand());
        data.put("transaction", otp.transaction() == null ? null : transaction(otp.transaction()));
        data.putAll(details);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", eventId);
        event.put("object", "event");
        event.put("api_version", API_VERSION);
        event.put("type", type.wireName());
        event.put("created_at", occurredAt.toString());
        event.put("livemode", otp.livemode());
        event.put("data", data);
        try {
            return JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a payload of strings, numbers and maps always serialises", e);
        }
    }

    /** Always amount, currency, payee in that order, whatever order the facts were read back in. */
    private static Map<String, String> transaction(Map<String, String> facts) {
        Map<String, String> ordered = new LinkedHashMap<>();
        ordered.put("amount", facts.get("amount"));
        ordered.put("currency", facts.get("currency"));
        ordered.put("payee", facts.get("payee"));
        return ordered;
    }
}
