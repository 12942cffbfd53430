package com.narvark.gateway.auth;

import com.narvark.gateway.config.EmbeddedMode;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Production mode refuses to start with a guessable operator token: at least 32 bytes (the embedded mode generates
 * one of its own). An empty token is allowed: it switches the admin API and the operator page off.
 */
@Component
class OperatorTokenPolicy implements InitializingBean {

    static final int MIN_BYTES = 32;

    private final Environment environment;

    OperatorTokenPolicy(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        String token = environment.getProperty("narvark.admin.token", "");
        int length = token.getBytes(StandardCharsets.UTF_8).length;
        if (!EmbeddedMode.isActive(environment) && length > 0 && length < MIN_BYTES) {
            throw new IllegalStateException("narvark.admin.token must be at least " + MIN_BYTES + " bytes (it is "
                    + length + "); generate one with: openssl rand -base64 32");
        }
    }
}
