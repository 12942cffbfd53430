package com.narvark.gateway.operations;

import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.TestDatabase;
import com.narvark.gateway.support.TestSettings;
import com.narvark.otp.delivery.standin.TestSmsc;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A gateway of its own as an operator runs it: SMS over SMPP (an SMSC stand-in on loopback), JSON console logs
 * ({@code logging.structured.format.console}), DEBUG for Narvark's loggers, and every finished span kept in memory
 * instead of exported. Logging is configured per JVM when a context starts, so the tests reading the console all
 * live in one class, which starts this context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "logging.structured.format.console=ecs", "logging.level.com.narvark=DEBUG"})
@Import(OperationsContext.Spans.class)
abstract class OperationsContext {

    static final String ADMIN = "operations-admin-token-0123456789-0123456789";
    static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();
    static TestSmsc smsc = start(0);

    @LocalServerPort
    private int port;
    protected Api api;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.apply(registry::add, TestDatabase.jdbcUrl("operations"));
        registry.add("narvark.admin.token", () -> ADMIN);
        registry.add("narvark.delivery.sms.provider", () -> "smpp");
        registry.add("narvark.delivery.sms.receipt-timeout", () -> "5s");
        registry.add("narvark.smpp.host", () -> "127.0.0.1");
        registry.add("narvark.smpp.port", () -> smsc.port());
        registry.add("narvark.smpp.system-id", () -> "narvark");
        registry.add("narvark.operations.processor-refresh", () -> "500ms");
        registry.add("narvark.test.context", () -> "operations");
    }

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    static TestSmsc start(int port) {
        try {
            return port == 0 ? new TestSmsc() : new TestSmsc(port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Spans {

        /** Exports each span as it ends (no batching), so a test sees it at once. */
        @Bean
        SpanProcessor inMemorySpans() {
            return SimpleSpanProcessor.create(SPANS);
        }
    }
}
