package com.narvark.gateway.support;

import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Base of the {@code *IT} tests: the whole gateway on a random port over a real PostgreSQL, driven over HTTP. All
 * subclasses share one application context (and so one database); each test works in accounts of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class GatewayIntegrationTest {

    public static final String ADMIN_TOKEN = "it-admin-token-0123456789-0123456789";

    @LocalServerPort
    private int port;
    protected Api api;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestSettings.apply(registry::add, TestDatabase.jdbcUrl());
    }

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    /** Raw HTTP from the given loopback source address (a per-address allowance of its own). */
    protected RawHttp raw(String sourceAddress) {
        return new RawHttp(port, sourceAddress);
    }

    /** A fresh account: its live and test keys. */
    protected Keys newAccount() {
        Api.Response created = api.post("/v1/admin/accounts", ADMIN_TOKEN, "{\"name\":\"IT account\"}");
        if (created.status() != 201) {
            throw new IllegalStateException("account creation failed: " + created);
        }
        JsonNode keys = created.json().get("keys");
        String test = null;
        String live = null;
        for (JsonNode key : keys) {
            if (key.get("livemode").asBoolean()) {
                live = key.get("secret").asString();
            } else {
                test = key.get("secret").asString();
            }
        }
        return new Keys(created.text("id"), test, live);
    }

    /** The code of a live OTP, read from the sandbox carrier's inbox once delivered. */
    protected String sandboxCode(String liveKey, String otpId) {
        return SandboxInbox.code(api, liveKey, otpId);
    }

    protected static <T> T await(Supplier<T> probe, Duration timeout) {
        return Await.until(probe, timeout);
    }

    public record Keys(String accountId, String test, String live) {
    }
}
