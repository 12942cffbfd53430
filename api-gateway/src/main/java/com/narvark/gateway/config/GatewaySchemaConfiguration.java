package com.narvark.gateway.config;

import com.narvark.otp.api.storage.ModuleSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's own tables (rate-limit buckets, idempotency keys, fraud-guard policies, credential failures) live in
 * the PostgreSQL schema {@code gateway}, migrated from {@code db/schema/gateway} by the gateway's wiring at start-up;
 * every statement of the module names them as {@code gateway.<table>}.
 */
@Configuration(proxyBeanMethods = false)
class GatewaySchemaConfiguration {

    @Bean
    ModuleSchema gatewaySchema() {
        return new ModuleSchema("gateway");
    }
}
