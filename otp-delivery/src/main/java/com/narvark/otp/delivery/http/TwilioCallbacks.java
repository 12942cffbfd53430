package com.narvark.otp.delivery.http;

import com.narvark.otp.delivery.CarrierReceipt;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Status callbacks of the Twilio-compatible APIs (messages and calls). Each is authenticated with
 * {@code X-Twilio-Signature}: base64 HMAC-SHA1, under the auth token, of the public URL followed by every POST
 * parameter name and value in name order. A forgery, or any callback while no auth token is configured, is
 * refused as unauthorized and yields no receipt.
 */
@Component
class TwilioCallbacks {

    static final String SIGNATURE_HEADER = "X-Twilio-Signature";

    private final TwilioSettings settings;

    TwilioCallbacks(TwilioSettings settings) {
        this.settings = settings;
    }

    /** The receipt a genuine callback carries; empty when its status tells the OTP nothing new. */
    Optional<CarrierReceipt> receiptOf(String signedUrl, Map<String, String> params, String signature) {
        if (settings.authToken().isEmpty() || !Hmac.sameText(signature(signedUrl, params), signature)) {
            throw CallbackRefusals.signatureMismatch(SIGNATURE_HEADER);
        }
        if (params.containsKey("MessageSid")) {
            return message(params.get("MessageSid"), params.getOrDefault("MessageStatus", ""), params.get("ErrorCode"));
        }
        if (params.containsKey("CallSid")) {
            return call(params.get("CallSid"), params.getOrDefault("CallStatus", ""));
        }
        return Optional.empty();
    }

    String signature(String url, Map<String, String> params) {
        StringBuilder signed = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> signed.append(name).append(value));
        return Base64.getEncoder().encodeToString(Hmac.sign("HmacSHA1", settings.authToken(),
                signed.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static Optional<CarrierReceipt> message(String sid, String status, String errorCode) {
        return Optional.ofNullable(switch (status) {
            case "delivered" -> CarrierReceipt.delivered(TwilioSmsProvider.NAME, sid);
            case "read" -> CarrierReceipt.read(TwilioSmsProvider.NAME, sid);
            case "undelivered", "failed" -> CarrierReceipt.failed(TwilioSmsProvider.NAME, sid,
                    TwilioFailures.of(errorCode, status));
            default -> null; // queued, sending, sent: nothing the OTP did not know already
        });
    }

    private static Optional<CarrierReceipt> call(String sid, String status) {
        return Optional.ofNullable(switch (status) {
            case "completed" -> CarrierReceipt.delivered(TwilioSmsProvider.NAME, sid);
            case "busy", "no-answer", "failed", "canceled" -> CarrierReceipt.failed(TwilioSmsProvider.NAME, sid,
                    TwilioFailures.ofCall(status));
            default -> null; // queued, ringing, in-progress
        });
    }
}
