package com.narvark.otp.webhooks;

import com.narvark.otp.api.storage.ModuleSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * otp-webhooks' tables (endpoints, the outbox and its log) live in the PostgreSQL schema {@code otp_webhooks},
 * migrated from {@code db/schema/otp_webhooks} by the gateway's wiring at start-up; every statement of the module names
 * them as {@code otp_webhooks.<table>}.
 */
@Configuration(proxyBeanMethods = false)
class OtpWebhooksSchemaConfiguration {

    @Bean
    ModuleSchema otpWebhooksSchema() {
        return new ModuleSchema("otp_webhooks");
    }
}
