package com.narvark.otp.api.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModuleSchemaTest {

    @Test
    void shouldKeepTheMigrationsOutsideTheLegacyLocationWhenNamed() {
        assertThat(new ModuleSchema("otp_query").location()).isEqualTo("classpath:db/schema/otp_query")
                .doesNotStartWith("classpath:db/migration");
    }

    @Test
    void shouldRefuseANameSqlWouldHaveToQuoteWhenDeclared() {
        for (String name : new String[] {"OtpQuery", "otp-query", "1otp", "", "otp query", "public.otp"}) {
            assertThatThrownBy(() -> new ModuleSchema(name)).as(name).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new ModuleSchema(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
