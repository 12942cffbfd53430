package com.narvark.gateway.config;

import org.springframework.core.env.Environment;

/** The one-command mode: no database configured, so the gateway brings its own PostgreSQL and secrets. */
public final class EmbeddedMode {

    public static final String CONDITION = "'${spring.datasource.url:}'.isEmpty()";

    private EmbeddedMode() {
    }

    public static boolean isActive(Environment environment) {
        return environment.getProperty("spring.datasource.url", "").isEmpty();
    }
}
