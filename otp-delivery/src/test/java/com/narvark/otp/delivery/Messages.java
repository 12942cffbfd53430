package com.narvark.otp.delivery;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.message.MessageOptions;
import com.narvark.otp.delivery.text.MessageTexts;
import java.time.Instant;

/** Test helper: an outbound message carrying the code 492817. */
public final class Messages {

    private Messages() {
    }

    public static OutboundMessage message(Channel channel, String to, int attempt) {
        return message(channel, to, attempt, MessageOptions.DEFAULT);
    }

    /** A message written as {@code options} say (brand, language, autofill lines). */
    public static OutboundMessage message(Channel channel, String to, int attempt, MessageOptions options) {
        String text = MessageTexts.render(channel, "492817", java.time.Duration.ofMinutes(5), options, null);
        return new OutboundMessage("otp_0123456789abcdefghjkmnpqrs", attempt, attempt, "acct", channel, to, "492817",
                text, "otp_verification", Instant.now().plusSeconds(300), Instant.now(), options, null);
    }
}
