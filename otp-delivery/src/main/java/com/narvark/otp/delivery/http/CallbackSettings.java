package com.narvark.otp.delivery.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code narvark.callbacks.base-url}: the public base URL carriers call back, and sign. */
@ConfigurationProperties("narvark.callbacks")
public record CallbackSettings(@DefaultValue("http://localhost:8080") String baseUrl) {

    String twilioStatusCallback() {
        return baseUrl.replaceAll("/+$", "") + "/callbacks/twilio";
    }
}
