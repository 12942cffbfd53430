package com.narvark.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.axonframework.common.IdentifierFactory;
import org.junit.jupiter.api.Test;

class PerThreadUuidIdentifierFactoryTest {

    @Test
    void shouldBeTheFactoryAxonLoadsWhenTheGatewayIsOnTheClasspath() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(PerThreadUuidIdentifierFactory.class);
    }

    @Test
    void shouldGiveDistinctVersion4UuidsWhenCalledManyTimes() {
        IdentifierFactory factory = new PerThreadUuidIdentifierFactory();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String id = factory.generateIdentifier();
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(seen.add(id)).isTrue();
        }
    }
}
