package com.narvark.gateway.caches;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

/**
 * Axon names a token claim's owner after the process ({@code pid@host}), so two nodes in one test JVM both own every
 * segment and both handle every event. A node started with this class among its {@code spring.main.sources} claims
 * under a name of its own, as separate processes would: each event is handled once, and counts per event are exact.
 * Otherwise the token store is the one Axon's auto-configuration builds.
 */
public class DistinctTokenOwner {

    @Bean
    TokenStore distinctOwnerTokenStore(ConnectionProvider connections, Serializer serializer,
                                       @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claim) {
        return JdbcTokenStore.builder().connectionProvider(connections).serializer(serializer)
                .schema(TokenSchema.builder().build())
                .claimTimeout(claim)
                .nodeId(ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID())
                .build();
    }
}
