package com.narvark.gateway.support;

import java.util.function.BiConsumer;
import java.util.function.Supplier;

/** The configuration every test application context gets: the test database and fixed test secrets. */
public final class TestSettings {

    public static final String PEPPER = "dGVzdC1wZXBwZXItdGVzdC1wZXBwZXItdGVzdC1wZXBwZXI=";
    public static final String ENCRYPTION_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    /** Required with a real database. Not the tests' own address: a link must never follow the request's Host. */
    public static final String PORTAL_BASE_URL = "https://portal.narvark.test";

    private TestSettings() {
    }

    public static void apply(BiConsumer<String, Supplier<Object>> registry, String jdbcUrl) {
        registry.accept("spring.datasource.url", () -> jdbcUrl);
        // The suite keeps every cached context running (spring.properties), each with its pool: Hikari's default of
        // 20 connections held open exhausted a PostgreSQL with the default 100 connections. Tests need a few.
        registry.accept("spring.datasource.hikari.maximum-pool-size", () -> 8);
        registry.accept("spring.datasource.hikari.minimum-idle", () -> 1);
        registry.accept("spring.datasource.hikari.idle-timeout", () -> 10_000);
        registry.accept("narvark.security.code-pepper", () -> PEPPER);
        registry.accept("narvark.security.encryption-key", () -> ENCRYPTION_KEY);
        registry.accept("narvark.admin.token", () -> GatewayIntegrationTest.ADMIN_TOKEN);
        registry.accept("narvark.portal.base-url", () -> PORTAL_BASE_URL);
        // Webhook receivers in the tests listen on loopback; SsrfGuardIT turns this allowlist off.
        registry.accept("narvark.webhooks.allowed-networks", () -> "127.0.0.0/8,::1/128");
        // Short retry delays and timeouts keep the webhook tests fast; the schedule's shape stays the same.
        registry.accept("narvark.webhooks.retry.base-delay", () -> "200ms");
        registry.accept("narvark.webhooks.retry.max-delay", () -> "1s");
        registry.accept("narvark.webhooks.sender.timeout", () -> "2s");
        registry.accept("narvark.webhooks.sender.poll-interval", () -> "100ms");
        registry.accept("narvark.delivery.whatsapp.provider", () -> NotOnWhatsAppCarrier.NAME);
        // A missing receipt (the silent test number) shows in seconds, not after 60 s or 90 s. Set for every context
        // on the shared database: the delivery process of one context may run on another's node, with its settings.
        registry.accept("narvark.delivery.sms.receipt-timeout", () -> "2s");
        registry.accept("narvark.delivery.voice.receipt-timeout", () -> "2s");
        // Every test calls from 127.0.0.1 unless it binds another loopback address; CredentialThrottleIT spends an
        // address's budget from 127.0.0.3 and checks the global ceiling with a throttle of its own.
        registry.accept("narvark.security.credential-failures.per-address-per-minute", () -> 20);
        registry.accept("narvark.security.credential-failures.global-per-minute", () -> 10_000);
        // Every portal test submits from 127.0.0.1; PortalIT fills the per-address allowance on purpose.
        registry.accept("narvark.portal.access-requests-per-hour", () -> 10);
    }
}
