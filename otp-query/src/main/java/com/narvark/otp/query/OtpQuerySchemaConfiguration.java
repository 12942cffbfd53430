package com.narvark.otp.query;

import com.narvark.otp.api.storage.ModuleSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * otp-query's tables (the read models and the analysts' view) live in the PostgreSQL schema {@code otp_query}, migrated
 * from {@code db/schema/otp_query} by the gateway's wiring at start-up; every statement of the module names them as
 * {@code otp_query.<table>}.
 */
@Configuration(proxyBeanMethods = false)
class OtpQuerySchemaConfiguration {

    @Bean
    ModuleSchema otpQuerySchema() {
        return new ModuleSchema("otp_query");
    }
}
