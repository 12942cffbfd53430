package com.narvark.otp.delivery.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code narvark.whatsapp.*}: the WhatsApp Cloud API sender, and the secrets of its webhook: POSTs carry
 * X-Hub-Signature-256 (HMAC-SHA256 of the raw body under {@code appSecret}); the GET handshake presents
 * {@code verifyToken}.
 */
@ConfigurationProperties("narvark.whatsapp")
public record WhatsAppSettings(@DefaultValue("https://graph.facebook.com") String baseUrl,
                               @DefaultValue("v21.0") String apiVersion, @DefaultValue("") String phoneNumberId,
                               @DefaultValue("") String accessToken, @DefaultValue("en_US") String templateLanguage,
                               @DefaultValue("") String appSecret, @DefaultValue("") String verifyToken) {
}
