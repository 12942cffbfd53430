package com.narvark.otp.api;

/**
 * The failure strings delivery recorded before {@link FailureReason} existed, mapped onto it. They stay in stored
 * events forever; nothing writes them any more.
 */
final class LegacyFailureReasons {

    private LegacyFailureReasons() {
    }

    static FailureReason classify(String reason) {
        return switch (reason) {
            case "undeliverable", "smpp_undeliv", "smpp_expired", "call_no_answer", "call_busy",
                 "whatsapp_131026" -> FailureReason.UNREACHABLE;
            case "recipient_refused", "smpp_status_11", "twilio_21211", "twilio_21614" ->
                    FailureReason.INVALID_DESTINATION;
            case "smpp_rejectd", "twilio_21610", "whatsapp_131049", "whatsapp_131047" -> FailureReason.BLOCKED;
            case "twilio_21408", "twilio_21612" -> FailureReason.COUNTRY_NOT_SUPPORTED;
            case "twilio_30007", "whatsapp_132000", "whatsapp_132001" -> FailureReason.CONTENT_REJECTED;
            case "carrier_queue_full", "smpp_status_88", "twilio_20429" -> FailureReason.RATE_LIMITED;
            case "carrier_timeout" -> FailureReason.CARRIER_TIMEOUT;
            case "carrier_unreachable", "smsc_unavailable" -> FailureReason.CARRIER_UNAVAILABLE;
            default -> FailureReason.CARRIER_ERROR;
        };
    }

    /** The carrier's code inside a legacy string ({@code twilio_21211} → {@code twilio:21211}), or null. */
    static String carrierError(String reason) {
        if (reason == null) {
            return null;
        }
        if (reason.matches("smpp_status_[0-9]+")) {
            return "smpp:" + SmppCodes.hex(Integer.parseInt(reason.substring("smpp_status_".length())));
        }
        if (reason.matches("smpp_[a-z]+")) {
            return "smpp:stat=" + reason.substring("smpp_".length()).toUpperCase(java.util.Locale.ROOT);
        }
        if (reason.matches("(twilio|whatsapp)_[0-9]+")) {
            return reason.replace('_', ':');
        }
        return null;
    }
}
