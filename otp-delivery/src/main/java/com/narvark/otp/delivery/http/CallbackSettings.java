package com.narvark.otp.delivery.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code narvark.callbacks.base-url}: the public base URL carriers call back, and sign. */
@ConfigurationProperties("narvark.callbacks")
public record CallbackSettings(@DefaultValue("http://localhost:8080") String baseUrl) {

    String twilioStatusCallback() {
        return publicUrl("/callbacks/twilio");
    }

    /**
     * The URL a carrier signed for a callback to this path (and query): built on the public base URL, because
     * behind a proxy or load balancer the request's own URL is not the one the carrier called.
     */
    String publicUrl(String pathAndQuery) {
        return baseUrl.replaceAll("/+$", "") + pathAndQuery;
    }
}
