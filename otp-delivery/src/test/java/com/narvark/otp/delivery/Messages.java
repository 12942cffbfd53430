package com.narvark.otp.delivery;

import com.narvark.otp.api.Channel;
import java.time.Instant;

/** Test helper: an outbound message carrying the code 492817. */
public final class Messages {

    private Messages() {
    }

    public static OutboundMessage message(Channel channel, String to, int attempt) {
        String text = OtpMessageText.render(channel, "492817", java.time.Duration.ofMinutes(5),
                java.util.Locale.ENGLISH);
        return new OutboundMessage("otp_0123456789abcdefghjkmnpqrs", attempt, attempt, "acct", channel, to, "492817", text,
                "otp_verification", Instant.now().plusSeconds(300), Instant.now());
    }
}
