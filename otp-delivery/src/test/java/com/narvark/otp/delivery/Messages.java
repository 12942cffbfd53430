package com.narvark.otp.delivery;

import com.narvark.otp.api.Channel;
import java.time.Instant;
import java.util.Map;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Test helpers: an outbound message and an environment holding the given settings. */
public final class Messages {

    private Messages() {
    }

    public static OutboundMessage message(Channel channel, String to, int attempt) {
        String text = OtpMessageText.render(channel, "492817", java.time.Duration.ofMinutes(5),
                java.util.Locale.ENGLISH);
        return new OutboundMessage("otp_0123456789abcdefghjkmnpqrs", attempt, "acct", channel, to, "492817", text,
                "otp_verification", Instant.now().plusSeconds(300));
    }

    public static StandardEnvironment environment(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        return environment;
    }
}
