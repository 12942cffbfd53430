package com.narvark.portal;

import org.springframework.core.env.Environment;

/**
 * Whether the application runs in its one-command embedded mode: no {@code spring.datasource.url}, so it brings its
 * own PostgreSQL on the developer's machine. The same rule as the gateway's EmbeddedMode, read here from the
 * environment because the portal depends on no gateway code.
 */
final class EmbeddedDatabase {

    private EmbeddedDatabase() {
    }

    static boolean isActive(Environment environment) {
        return environment.getProperty("spring.datasource.url", "").isEmpty();
    }
}
