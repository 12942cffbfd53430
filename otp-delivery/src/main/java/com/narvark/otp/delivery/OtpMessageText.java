package com.narvark.otp.delivery;

import com.narvark.otp.api.Channel;
import java.time.Duration;
import java.util.Locale;
import java.util.ResourceBundle;

/** Renders the customer-facing text of a code per channel from {@code messages/otp*.properties}. */
final class OtpMessageText {

    private OtpMessageText() {
    }

    static String render(Channel channel, String code, Duration validFor, Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle("messages/otp", locale);
        // Rounded up: a code valid for 4 min 59 s is announced as valid for 5 minutes.
        long minutes = Math.max(1, (validFor.toSeconds() + 59) / 60);
        String spokenOrWritten = channel == Channel.VOICE ? String.join(" ", code.split("")) : code;
        return bundle.getString("otp." + channel.wireName())
                .replace("{code}", spokenOrWritten)
                .replace("{minutes}", Long.toString(minutes));
    }
}
