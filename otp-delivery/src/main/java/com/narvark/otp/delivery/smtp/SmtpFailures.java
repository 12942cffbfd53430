package com.narvark.otp.delivery.smtp;

import static com.narvark.otp.api.FailureReason.BLOCKED;
import static com.narvark.otp.api.FailureReason.CARRIER_ERROR;
import static com.narvark.otp.api.FailureReason.CONTENT_REJECTED;
import static com.narvark.otp.api.FailureReason.INVALID_DESTINATION;
import static com.narvark.otp.api.FailureReason.RATE_LIMITED;
import static com.narvark.otp.api.FailureReason.UNREACHABLE;

import com.narvark.otp.api.FailureReason;
import com.narvark.otp.delivery.CarrierFailure;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SMTP replies in the taxonomy, by the enhanced status code (RFC 3463) where the server sent one, else by the reply
 * code (RFC 5321). For email, {@code invalid_destination} means the address does not exist, {@code unreachable} a
 * mailbox that is full or disabled. The reply is kept as {@code smtp:<code> <enhanced code>}, never its text (it
 * often quotes the address).
 */
final class SmtpFailures {

    private static final Pattern REPLY = Pattern.compile("\\b([245][0-9]{2})[ -]+(?:([245]\\.[0-9]{1,3}\\.[0-9]{1,3})\\b)?");

    private SmtpFailures() {
    }

    /** {@code reply} is the server's answer as the mail library reports it, e.g. "550 5.1.1 <x@y>: unknown user". */
    static CarrierFailure of(String reply) {
        Matcher matcher = REPLY.matcher(reply == null ? "" : reply);
        if (!matcher.find()) {
            return new CarrierFailure(CARRIER_ERROR, null);
        }
        String code = matcher.group(1);
        String enhanced = matcher.group(2);
        FailureReason reason = enhanced != null ? byEnhancedCode(enhanced) : byReplyCode(code);
        return new CarrierFailure(reason, "smtp:" + code + (enhanced == null ? "" : " " + enhanced));
    }

    /** Class 4 is transient ("try again later"), class 5 permanent; the subject and detail say what failed. */
    private static FailureReason byEnhancedCode(String enhanced) {
        String[] parts = enhanced.split("\\.");
        String subject = parts[1] + "." + parts[2];
        if (parts[0].equals("4")) {
            return subject.equals("2.2") ? UNREACHABLE : RATE_LIMITED;
        }
        return switch (subject) {
            case "1.0", "1.1", "1.2", "1.3", "1.6", "1.10" -> INVALID_DESTINATION; // bad mailbox, domain, syntax, moved
            case "2.1", "2.2" -> UNREACHABLE;                                      // mailbox disabled or full
            case "7.1" -> CONTENT_REJECTED;                                        // refused by policy, spam
            default -> switch (parts[1]) {
                case "3", "6" -> CONTENT_REJECTED; // message size or content
                case "7" -> BLOCKED;               // security or policy: sender not allowed
                default -> CARRIER_ERROR;
            };
        };
    }

    private static FailureReason byReplyCode(String code) {
        return switch (code) {
            case "550", "551", "553" -> INVALID_DESTINATION;  // mailbox unavailable, not local, name not allowed
            case "552", "452" -> UNREACHABLE;                 // storage exceeded
            case "554" -> CONTENT_REJECTED;                   // transaction failed (usually content or policy)
            case "421", "450", "451" -> RATE_LIMITED;         // try again later
            default -> CARRIER_ERROR;
        };
    }
}
