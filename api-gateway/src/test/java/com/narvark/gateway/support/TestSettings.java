package com.narvark.gateway.support;

import java.util.function.BiConsumer;
import java.util.function.Supplier;

/** The configuration every test application context gets: the test database and fixed test secrets. */
public final class TestSettings {

    public static final String PEPPER = "dGVzdC1wZXBwZXItdGVzdC1wZXBwZXItdGVzdC1wZXBwZXI=";
    public static final String ENCRYPTION_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private TestSettings() {
    }

    public static void apply(BiConsumer<String, Supplier<Object>> registry, String jdbcUrl) {
        registry.accept("spring.datasource.url", () -> jdbcUrl);
        registry.accept("narvark.security.code-pepper", () -> PEPPER);
        registry.accept("narvark.security.encryption-key", () -> ENCRYPTION_KEY);
        registry.accept("narvark.admin.token", () -> GatewayIntegrationTest.ADMIN_TOKEN);
        registry.accept("narvark.delivery.whatsapp.provider", () -> NotOnWhatsAppCarrier.NAME);
    }
}
