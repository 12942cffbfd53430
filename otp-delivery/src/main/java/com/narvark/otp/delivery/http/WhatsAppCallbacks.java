package com.narvark.otp.delivery.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.narvark.otp.delivery.CarrierReceipt;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The WhatsApp Cloud API webhook: the GET subscription handshake (echo {@code hub.challenge} when
 * {@code hub.verify_token} matches) and POSTed statuses, authenticated with {@code X-Hub-Signature-256}
 * ({@code sha256=} hex HMAC-SHA256 of the raw body under the app secret).
 */
@Component
class WhatsAppCallbacks {

    static final String SIGNATURE_HEADER = "X-Hub-Signature-256";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WhatsAppSettings settings;

    WhatsAppCallbacks(WhatsAppSettings settings) {
        this.settings = settings;
    }

    /** The challenge to echo; refused as forbidden unless this is a subscription with our verify token. */
    String challenge(Map<String, String> params) {
        boolean subscribe = "subscribe".equals(params.get("hub.mode"));
        if (!subscribe || settings.verifyToken().isEmpty()
                || !Hmac.sameText(settings.verifyToken(), params.get("hub.verify_token"))) {
            throw CallbackRefusals.verifyTokenMismatch();
        }
        return params.getOrDefault("hub.challenge", "");
    }

    /** The receipts of a genuine status webhook, in the order Meta listed them. */
    List<CarrierReceipt> receiptsOf(byte[] body, String signature) {
        // No app secret configured: nothing can be authenticated (and an empty HMAC key is not even a key).
        if (settings.appSecret().isEmpty()) {
            throw CallbackRefusals.signatureMismatch(SIGNATURE_HEADER);
        }
        String expected = "sha256=" + HexFormat.of().formatHex(Hmac.sign("HmacSHA256", settings.appSecret(), body));
        if (!Hmac.sameText(expected, signature)) {
            throw CallbackRefusals.signatureMismatch(SIGNATURE_HEADER);
        }
        JsonNode payload;
        try {
            payload = JSON.readTree(body);
        } catch (IOException notJson) {
            throw CallbackRefusals.notJson();
        }
        List<CarrierReceipt> receipts = new ArrayList<>();
        for (JsonNode entry : payload.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                for (JsonNode status : change.path("value").path("statuses")) {
                    add(status, receipts);
                }
            }
        }
        return receipts;
    }

    private static void add(JsonNode status, List<CarrierReceipt> receipts) {
        String id = status.path("id").asText();
        switch (status.path("status").asText()) {
            case "delivered" -> receipts.add(CarrierReceipt.delivered(WhatsAppCloudProvider.NAME, id));
            case "read" -> {
                receipts.add(CarrierReceipt.delivered(WhatsAppCloudProvider.NAME, id));
                receipts.add(CarrierReceipt.read(WhatsAppCloudProvider.NAME, id));
            }
            case "failed" -> receipts.add(CarrierReceipt.failed(WhatsAppCloudProvider.NAME, id,
                    WhatsAppFailures.of(status.path("errors").path(0).path("code").asText(""))));
            default -> { } // sent: the acceptance was recorded when the API answered
        }
    }
}
