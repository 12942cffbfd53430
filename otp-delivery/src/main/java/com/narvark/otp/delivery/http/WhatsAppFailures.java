package com.narvark.otp.delivery.http;

import static com.narvark.otp.api.FailureReason.BLOCKED;
import static com.narvark.otp.api.FailureReason.CARRIER_ERROR;
import static com.narvark.otp.api.FailureReason.CARRIER_UNAVAILABLE;
import static com.narvark.otp.api.FailureReason.CONTENT_REJECTED;
import static com.narvark.otp.api.FailureReason.INVALID_DESTINATION;
import static com.narvark.otp.api.FailureReason.RATE_LIMITED;
import static com.narvark.otp.api.FailureReason.UNREACHABLE;

import com.narvark.otp.api.FailureReason;
import com.narvark.otp.delivery.CarrierFailure;
import java.util.Map;

/**
 * Meta's WhatsApp Cloud API error codes (its public error code reference) in the taxonomy, for refused requests
 * ({@code error.code}) and failed statuses ({@code errors[0].code}). Codes not listed are {@code carrier_error}; the
 * code is always kept as {@code whatsapp:<code>}.
 */
final class WhatsAppFailures {

    private static final Map<String, FailureReason> CODES = Map.ofEntries(
            Map.entry("4", RATE_LIMITED),            // too many API calls for the app
            Map.entry("368", BLOCKED),               // temporarily blocked for policy violations
            Map.entry("80007", RATE_LIMITED),        // WABA rate limit
            Map.entry("130429", RATE_LIMITED),       // throughput limit
            Map.entry("130472", BLOCKED),            // number part of an experiment
            Map.entry("131016", CARRIER_UNAVAILABLE),// service unavailable
            Map.entry("131021", INVALID_DESTINATION),// recipient cannot be the sender
            Map.entry("131026", UNREACHABLE),        // undeliverable: not on WhatsApp, old app, terms not accepted
            Map.entry("131047", BLOCKED),            // re-engagement: outside the 24 h window
            Map.entry("131048", RATE_LIMITED),       // spam rate limit
            Map.entry("131049", BLOCKED),            // Meta chose not to deliver (ecosystem engagement)
            Map.entry("131050", BLOCKED),            // recipient stopped marketing messages
            Map.entry("131051", CONTENT_REJECTED),   // unsupported message type
            Map.entry("131056", RATE_LIMITED),       // business/consumer pair rate limit
            Map.entry("132000", CONTENT_REJECTED),   // template parameter count mismatch
            Map.entry("132001", CONTENT_REJECTED),   // template does not exist in this language
            Map.entry("132005", CONTENT_REJECTED),   // translated text too long
            Map.entry("132007", CONTENT_REJECTED),   // template format policy violated
            Map.entry("132012", CONTENT_REJECTED),   // template parameter format mismatch
            Map.entry("132015", CONTENT_REJECTED),   // template paused
            Map.entry("132016", CONTENT_REJECTED));  // template disabled

    private WhatsAppFailures() {
    }

    static CarrierFailure of(String code) {
        if (code == null || code.isBlank()) {
            return new CarrierFailure(CARRIER_ERROR, "whatsapp:failed");
        }
        return new CarrierFailure(CODES.getOrDefault(code.trim(), CARRIER_ERROR), "whatsapp:" + code.trim());
    }
}
