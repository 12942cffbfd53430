package com.narvark.otp.delivery.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code narvark.twilio.*}: the account of a Twilio-compatible API (Messages and Calls resources). */
@ConfigurationProperties("narvark.twilio")
public record TwilioSettings(@DefaultValue("https://api.twilio.com") String baseUrl,
                             @DefaultValue("") String accountSid, @DefaultValue("") String authToken,
                             @DefaultValue("") String from) {
}
