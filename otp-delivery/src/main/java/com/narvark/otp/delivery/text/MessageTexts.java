package com.narvark.otp.delivery.text;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.message.MessageOptions;
import com.narvark.otp.api.message.OtpTransaction;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The customer-facing text of a code, per channel, in the OTP's language and naming its brand. A code sent for a
 * transaction says what it approves. Only SMS carries the autofill lines: Android's SMS Retriever and WebOTP read
 * SMS only, and the other channels have autofill of their own (WhatsApp's copy-code button, email clients).
 */
public final class MessageTexts {

    private MessageTexts() {
    }

    public static String render(Channel channel, String code, Duration validFor, MessageOptions options,
                                OtpTransaction transaction) {
        MessageOptions message = MessageOptions.orDefault(options);
        MessageBundle bundle = MessageBundle.of(message.locale());
        Map<String, String> values = values(bundle, channel == Channel.VOICE ? spelled(code) : code, validFor,
                message, transaction);
        String suffix = transaction == null ? "" : ".transaction";
        return switch (channel) {
            case SMS -> Autofill.append(bundle.fill("sms" + suffix, values), code, message);
            case WHATSAPP -> bundle.fill("whatsapp", values);
            case VOICE -> bundle.fill("voice" + suffix, values);
            case EMAIL -> EmailTexts.plain(bundle, values, transaction != null);
        };
    }

    /** Subject, plain text and HTML of an email OTP. */
    public static EmailContent email(String code, Duration validFor, MessageOptions options,
                                     OtpTransaction transaction) {
        MessageOptions message = MessageOptions.orDefault(options);
        MessageBundle bundle = MessageBundle.of(message.locale());
        Map<String, String> values = values(bundle, code, validFor, message, transaction);
        return new EmailContent(bundle.fill("email.subject", values),
                EmailTexts.plain(bundle, values, transaction != null),
                EmailTexts.html(bundle, values, transaction != null));
    }

    /** Digit by digit, so text-to-speech reads "four nine two" in the call's language, not "four hundred…". */
    static String spelled(String code) {
        return String.join(" ", code.split(""));
    }

    private static Map<String, String> values(MessageBundle bundle, String code, Duration validFor,
                                              MessageOptions message, OtpTransaction transaction) {
        // Rounded up: a code valid for 4 min 59 s is announced as valid for 5 minutes.
        long minutes = Math.max(1, (validFor.toSeconds() + 59) / 60);
        Map<String, String> values = new HashMap<>();
        values.put("code", code);
        values.put("brand", message.brandOrDefault());
        values.put("minutes", bundle.minutes(minutes));
        if (transaction != null) {
            values.put("amount", Amounts.format(transaction, bundle.locale()));
            values.put("payee", transaction.payee());
        }
        return values;
    }
}
