package com.narvark.otp.delivery.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.narvark.otp.api.command.CarrierCallbackResult;
import com.narvark.otp.api.command.HandleCarrierCallbackCommand;
import com.narvark.otp.delivery.Receipts;
import java.io.IOException;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * The WhatsApp Cloud API webhook: the GET subscription handshake (echo {@code hub.challenge} when
 * {@code hub.verify_token} matches) and POSTed statuses, authenticated with {@code X-Hub-Signature-256}
 * ({@code sha256=} hex HMAC-SHA256 of the raw body under the app secret).
 */
@Component
class WhatsAppCallbacks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WhatsAppSettings settings;
    private final Receipts receipts;

    WhatsAppCallbacks(WhatsAppSettings settings, Receipts receipts) {
        this.settings = settings;
        this.receipts = receipts;
    }

    CarrierCallbackResult handle(HandleCarrierCallbackCommand callback) {
        if ("GET".equals(callback.method())) {
            boolean subscribe = "subscribe".equals(callback.params().get("hub.mode"));
            return subscribe && !settings.verifyToken().isEmpty()
                    && Hmac.sameText(settings.verifyToken(), callback.params().get("hub.verify_token"))
                    ? new CarrierCallbackResult(200, callback.params().getOrDefault("hub.challenge", ""))
                    : new CarrierCallbackResult(403, "verify token mismatch");
        }
        // No app secret configured: nothing can be authenticated (and an empty HMAC key is not even a key).
        if (settings.appSecret().isEmpty()) {
            return new CarrierCallbackResult(401, "signature mismatch");
        }
        String expected = "sha256=" + HexFormat.of().formatHex(
                Hmac.sign("HmacSHA256", settings.appSecret(), callback.body()));
        if (!Hmac.sameText(expected, callback.headers().get("x-hub-signature-256"))) {
            return new CarrierCallbackResult(401, "signature mismatch");
        }
        JsonNode payload;
        try {
            payload = JSON.readTree(callback.body());
        } catch (IOException notJson) {
            return new CarrierCallbackResult(400, "not JSON");
        }
        for (JsonNode entry : payload.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                for (JsonNode status : change.path("value").path("statuses")) {
                    apply(status);
                }
            }
        }
        return CarrierCallbackResult.ok();
    }

    private void apply(JsonNode status) {
        String id = status.path("id").asText();
        switch (status.path("status").asText()) {
            case "delivered" -> receipts.delivered(WhatsAppCloudProvider.NAME, id);
            case "read" -> {
                receipts.delivered(WhatsAppCloudProvider.NAME, id);
                receipts.read(WhatsAppCloudProvider.NAME, id);
            }
            case "failed" -> receipts.failed(WhatsAppCloudProvider.NAME, id,
                    WhatsAppFailures.of(status.path("errors").path(0).path("code").asText("")));
            default -> { } // sent: the acceptance was recorded when the API answered
        }
    }
}
