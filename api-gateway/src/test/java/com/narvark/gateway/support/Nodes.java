package com.narvark.gateway.support;

import com.narvark.gateway.NarvarkApplication;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Whole gateway nodes started by a test, all on the test database, each on its own random port. */
public final class Nodes {

    public static final String ADMIN = "nodes-admin-token-0123456789-0123456789";

    private Nodes() {
    }

    public static ConfigurableApplicationContext start() {
        return start(Map.of());
    }

    /** A node whose settings differ from the tests' defaults by {@code overrides}. */
    public static ConfigurableApplicationContext start(Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>();
        TestSettings.apply((name, value) -> properties.put(name, value.get()), TestDatabase.jdbcUrl());
        properties.put("narvark.admin.token", ADMIN);
        properties.put("server.port", 0);
        properties.putAll(overrides);
        // As command-line arguments, so they win over application.yml.
        String[] arguments = properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(NarvarkApplication.class).run(arguments);
    }

    public static Api api(ConfigurableApplicationContext node) {
        return new Api(((WebServerApplicationContext) node).getWebServer().getPort());
    }

    /** The live key of a new account. */
    public static String liveKey(Api api) {
        for (var key : api.post("/v1/admin/accounts", ADMIN, "{\"name\":\"node test\"}").json().get("keys")) {
            if (key.get("livemode").asBoolean()) {
                return key.get("secret").asString();
            }
        }
        throw new IllegalStateException("no live key issued");
    }
}
