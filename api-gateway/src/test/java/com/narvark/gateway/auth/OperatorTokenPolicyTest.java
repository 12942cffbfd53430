package com.narvark.gateway.auth;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class OperatorTokenPolicyTest {

    private static final String DATABASE = "jdbc:postgresql://db.example.com/narvark";

    @Test
    void shouldRefuseToStartWhenProductionHasAnOperatorTokenUnder32Bytes() {
        MockEnvironment production = new MockEnvironment().withProperty("spring.datasource.url", DATABASE)
                .withProperty("narvark.admin.token", "admin-token-31-bytes-long-xxxxx");
        assertThatThrownBy(() -> new OperatorTokenPolicy(production).afterPropertiesSet())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least 32 bytes");
    }

    @Test
    void shouldStartWhenTheTokenIsLongEnoughOrEmptyOrTheModeIsEmbedded() {
        assertThatCode(() -> new OperatorTokenPolicy(new MockEnvironment()
                .withProperty("spring.datasource.url", DATABASE)
                .withProperty("narvark.admin.token", "x".repeat(32))).afterPropertiesSet()).doesNotThrowAnyException();
        assertThatCode(() -> new OperatorTokenPolicy(new MockEnvironment()
                .withProperty("spring.datasource.url", DATABASE)).afterPropertiesSet()).doesNotThrowAnyException();
        assertThatCode(() -> new OperatorTokenPolicy(new MockEnvironment()
                .withProperty("narvark.admin.token", "short")).afterPropertiesSet()).doesNotThrowAnyException();
    }
}
