package com.narvark.otp.delivery.http;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** {@code narvark.whatsapp.*}: the WhatsApp Cloud API sender and the secrets of its webhook. */
@Component
public class WhatsAppSettings {

    private final Environment environment;

    WhatsAppSettings(Environment environment) {
        this.environment = environment;
    }

    String baseUrl() {
        return environment.getProperty("narvark.whatsapp.base-url", "https://graph.facebook.com");
    }

    String apiVersion() {
        return environment.getProperty("narvark.whatsapp.api-version", "v21.0");
    }

    String phoneNumberId() {
        return environment.getProperty("narvark.whatsapp.phone-number-id", "");
    }

    String accessToken() {
        return environment.getProperty("narvark.whatsapp.access-token", "");
    }

    String language() {
        return environment.getProperty("narvark.whatsapp.template-language", "en_US");
    }

    /** The app secret: webhooks carry X-Hub-Signature-256 = HMAC-SHA256 of the raw body under it. */
    public String appSecret() {
        return environment.getProperty("narvark.whatsapp.app-secret", "");
    }

    /** Echoed back by the GET verification handshake when Meta presents it. */
    public String verifyToken() {
        return environment.getProperty("narvark.whatsapp.verify-token", "");
    }
}
