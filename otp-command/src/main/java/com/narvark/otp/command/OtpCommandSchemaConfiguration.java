package com.narvark.otp.command;

import com.narvark.otp.api.storage.ModuleSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * otp-command's tables (the fraud guards' destination ledger, the expiry rows) live in the PostgreSQL schema
 * {@code otp_command}, migrated from {@code db/schema/otp_command} by the gateway's wiring at start-up; every
 * statement of the module names them as {@code otp_command.<table>}.
 */
@Configuration(proxyBeanMethods = false)
class OtpCommandSchemaConfiguration {

    @Bean
    ModuleSchema otpCommandSchema() {
        return new ModuleSchema("otp_command");
    }
}
