package com.narvark.otp.delivery.http;

import static com.narvark.otp.api.FailureReason.BLOCKED;
import static com.narvark.otp.api.FailureReason.CARRIER_ERROR;
import static com.narvark.otp.api.FailureReason.CARRIER_TIMEOUT;
import static com.narvark.otp.api.FailureReason.CONTENT_REJECTED;
import static com.narvark.otp.api.FailureReason.COUNTRY_NOT_SUPPORTED;
import static com.narvark.otp.api.FailureReason.INVALID_DESTINATION;
import static com.narvark.otp.api.FailureReason.RATE_LIMITED;
import static com.narvark.otp.api.FailureReason.UNREACHABLE;

import com.narvark.otp.api.FailureReason;
import com.narvark.otp.delivery.CarrierFailure;
import java.util.Map;

/**
 * Twilio's error codes (its public error dictionary) in the taxonomy: the {@code code} of a refused API request, and
 * the {@code ErrorCode} of an undelivered message's status callback. Codes not listed are {@code carrier_error}; the
 * code itself is always kept as {@code twilio:<code>}.
 */
final class TwilioFailures {

    private static final Map<String, FailureReason> CODES = Map.ofEntries(
            Map.entry("13224", INVALID_DESTINATION),   // voice: invalid phone number
            Map.entry("13225", BLOCKED),               // voice: forbidden phone number
            Map.entry("13227", COUNTRY_NOT_SUPPORTED), // voice: no international permission
            Map.entry("14107", RATE_LIMITED),          // SMS send rate limit exceeded
            Map.entry("20429", RATE_LIMITED),          // too many requests
            Map.entry("21211", INVALID_DESTINATION),   // invalid 'To' phone number
            Map.entry("21214", UNREACHABLE),           // 'To' phone number cannot be reached
            Map.entry("21215", COUNTRY_NOT_SUPPORTED), // geo permissions do not allow the call
            Map.entry("21217", INVALID_DESTINATION),   // phone number does not appear to be valid
            Map.entry("21401", INVALID_DESTINATION),   // invalid phone number
            Map.entry("21407", INVALID_DESTINATION),   // number type does not support SMS
            Map.entry("21408", COUNTRY_NOT_SUPPORTED), // permission for the region not enabled
            Map.entry("21610", BLOCKED),               // recipient unsubscribed (replied STOP)
            Map.entry("21612", UNREACHABLE),           // 'To' number not currently reachable via SMS
            Map.entry("21614", INVALID_DESTINATION),   // 'To' number is not a valid mobile number
            Map.entry("30001", RATE_LIMITED),          // queue overflow
            Map.entry("30003", UNREACHABLE),           // unreachable destination handset
            Map.entry("30004", BLOCKED),               // message blocked
            Map.entry("30005", INVALID_DESTINATION),   // unknown destination handset
            Map.entry("30006", INVALID_DESTINATION),   // landline or unreachable carrier
            Map.entry("30007", CONTENT_REJECTED),      // message filtered by the carrier
            Map.entry("30022", RATE_LIMITED),          // 10DLC throughput exceeded
            Map.entry("30032", CONTENT_REJECTED),      // toll-free sender not verified
            Map.entry("30034", CONTENT_REJECTED),      // sender number not registered (10DLC)
            Map.entry("30410", CARRIER_TIMEOUT));      // provider timeout

    private TwilioFailures() {
    }

    /** {@code code} may be null or blank when Twilio gave none; {@code fallback} then names what happened. */
    static CarrierFailure of(String code, String fallback) {
        if (code == null || code.isBlank()) {
            return new CarrierFailure(CARRIER_ERROR, "twilio:" + fallback);
        }
        return new CarrierFailure(CODES.getOrDefault(code.trim(), CARRIER_ERROR), "twilio:" + code.trim());
    }

    /** A call that ended without being answered: the number exists, nobody picked up. */
    static CarrierFailure ofCall(String callStatus) {
        FailureReason reason = switch (callStatus) {
            case "busy", "no-answer" -> UNREACHABLE;
            default -> CARRIER_ERROR;   // failed, canceled
        };
        return new CarrierFailure(reason, "twilio:call_" + callStatus.replace('-', '_'));
    }
}
