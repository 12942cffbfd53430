package com.narvark.gateway.config;

import com.narvark.otp.api.storage.ModuleSchema;
import java.util.List;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The legacy chain, then every module's schema: see {@link SchemaMigrations}. */
@Configuration(proxyBeanMethods = false)
class SchemaMigrationConfiguration {

    @Bean
    FlywayMigrationStrategy schemaMigrations(List<ModuleSchema> schemas) {
        return new SchemaMigrations(schemas);
    }
}
