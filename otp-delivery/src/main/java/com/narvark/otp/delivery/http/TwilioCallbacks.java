package com.narvark.otp.delivery.http;

import com.narvark.otp.api.command.CarrierCallbackResult;
import com.narvark.otp.api.command.HandleCarrierCallbackCommand;
import com.narvark.otp.delivery.Receipts;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Status callbacks of the Twilio-compatible APIs (messages and calls). Each is authenticated with
 * {@code X-Twilio-Signature}: base64 HMAC-SHA1, under the auth token, of the public URL followed by every POST
 * parameter name and value in name order. A forgery, or any callback while no auth token is configured, is
 * answered 401 and touches no OTP.
 */
@Component
class TwilioCallbacks {

    private final TwilioSettings settings;
    private final Receipts receipts;

    TwilioCallbacks(TwilioSettings settings, Receipts receipts) {
        this.settings = settings;
        this.receipts = receipts;
    }

    CarrierCallbackResult handle(HandleCarrierCallbackCommand callback) {
        if (settings.authToken().isEmpty() || !Hmac.sameText(signature(callback.url(), callback.params()),
                callback.headers().get("x-twilio-signature"))) {
            return new CarrierCallbackResult(401, "signature mismatch");
        }
        Map<String, String> params = callback.params();
        if (params.containsKey("MessageSid")) {
            apply(params.get("MessageSid"), params.getOrDefault("MessageStatus", ""), params.get("ErrorCode"));
        } else if (params.containsKey("CallSid")) {
            applyCall(params.get("CallSid"), params.getOrDefault("CallStatus", ""));
        }
        return CarrierCallbackResult.ok();
    }

    String signature(String url, Map<String, String> params) {
        StringBuilder signed = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> signed.append(name).append(value));
        return Base64.getEncoder().encodeToString(Hmac.sign("HmacSHA1", settings.authToken(),
                signed.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private void apply(String sid, String status, String errorCode) {
        switch (status) {
            case "delivered" -> receipts.delivered(TwilioSmsProvider.NAME, sid);
            case "read" -> receipts.read(TwilioSmsProvider.NAME, sid);
            case "undelivered", "failed" -> receipts.failed(TwilioSmsProvider.NAME, sid,
                    TwilioFailures.of(errorCode, status));
            default -> { } // queued, sending, sent: nothing the OTP did not know already
        }
    }

    private void applyCall(String sid, String status) {
        switch (status) {
            case "completed" -> receipts.delivered(TwilioSmsProvider.NAME, sid);
            case "busy", "no-answer", "failed", "canceled" -> receipts.failed(TwilioSmsProvider.NAME, sid,
                    TwilioFailures.ofCall(status));
            default -> { }
        }
    }
}
