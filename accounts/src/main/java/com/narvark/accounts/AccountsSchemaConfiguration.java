package com.narvark.accounts;

import com.narvark.otp.api.storage.ModuleSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The accounts module's tables (accounts, API keys, the portal's requests, members, sessions, audit and outbox) live
 * in the PostgreSQL schema {@code accounts}, migrated from {@code db/schema/accounts} by the gateway's wiring at
 * start-up; every statement of the module names them as {@code accounts.<table>}.
 */
@Configuration(proxyBeanMethods = false)
class AccountsSchemaConfiguration {

    @Bean
    ModuleSchema accountsSchema() {
        return new ModuleSchema("accounts");
    }
}
