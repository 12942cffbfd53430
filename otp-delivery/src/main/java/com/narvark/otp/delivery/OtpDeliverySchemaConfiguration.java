package com.narvark.otp.delivery;

import com.narvark.otp.api.storage.ModuleSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * otp-delivery's tables (delivery processes, carrier messages, node heartbeats, the sandbox inbox) live in the
 * PostgreSQL schema {@code otp_delivery}, migrated from {@code db/schema/otp_delivery} by the gateway's wiring at
 * start-up; every statement of the module names them as {@code otp_delivery.<table>}.
 */
@Configuration(proxyBeanMethods = false)
class OtpDeliverySchemaConfiguration {

    @Bean
    ModuleSchema otpDeliverySchema() {
        return new ModuleSchema("otp_delivery");
    }
}
