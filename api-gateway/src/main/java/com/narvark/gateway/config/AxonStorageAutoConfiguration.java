package com.narvark.gateway.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.narvark.otp.api.RandomIds;
import java.lang.management.ManagementFactory;
import java.security.SecureRandom;
import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Axon's storage pieces that its own auto-configuration gets wrong on Boot 4 without JPA. Ordered after Boot's
 * DataSource and transaction manager and before Axon's JDBC and transaction auto-configurations, so that:
 * <ul>
 *   <li>Axon runs inside Spring transactions (its own ordering names Boot 3 classes, and it would otherwise fall
 *       back to auto-commit: a projection's rows and its token would not commit together);</li>
 *   <li>PostgreSQL's unique violation (SQL state 23505) becomes a concurrency conflict that the command side
 *       retries, instead of a generic storage error;</li>
 *   <li>Axon's JDBC auto-configuration sees the DataSource and actually runs;</li>
 *   <li>loading an aggregate costs one query, not three ({@link LeanEventStorageEngine});</li>
 *   <li>events are stored with one Jackson 2 mapper owned here, independent of the web layer's Jackson 3, and read
 *       through the upcasters declared here (Axon registers every {@code EventUpcaster} bean).</li>
 * </ul>
 */
@AutoConfiguration(
        afterName = {"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"},
        beforeName = {"org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
                "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration",
                "org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration",
                "org.axonframework.springboot.autoconfig.ObjectMapperAutoConfiguration",
                "org.axonframework.springboot.autoconfig.AxonAutoConfiguration"})
public class AxonStorageAutoConfiguration {

    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager platformTransactionManager) {
        return new SpringTransactionManager(platformTransactionManager);
    }

    /**
     * Spring's connection handling alone, without Axon's unit-of-work wrapper around it. Every unit of work here runs
     * in a Spring transaction, which already gives one connection per transaction; the wrapper closed that connection
     * a second time at the unit of work's cleanup, after Spring had returned it to the pool, and that second close
     * emptied Hikari's statement list under the thread that had borrowed the connection meanwhile (a 500 with
     * "ArrayIndexOutOfBoundsException: Index -1" in FastList, twice in about 25,000 OTPs under load).
     */
    @Bean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        return new SpringDataSourceConnectionProvider(dataSource);
    }

    /**
     * Axon's JDBC token store, as its auto-configuration builds it, except for the claims' owner: Axon names it after
     * the process ({@code pid@host}), which two nodes share when they run as pid 1 in containers on one host's network
     * (or as two contexts in one test JVM); both then think they own every segment and handle every event. A random
     * suffix makes each started node an owner of its own; a restarted node waits out its old claims (3 s).
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connections, Serializer serializer, SecureRandom random,
                          @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout) {
        String owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + RandomIds.base32(random, 8);
        return JdbcTokenStore.builder()
                .connectionProvider(connections)
                .serializer(serializer)
                .schema(TokenSchema.builder().build())
                .claimTimeout(claimTimeout)
                .nodeId(owner)
                .build();
    }

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    @Bean
    SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema();
    }

    /** In place of Axon's own engine bean (which backs off when one exists). */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          PersistenceExceptionResolver exceptions, ConnectionProvider connections,
                                          TransactionManager transactions) {
        return LeanEventStorageEngine.create(defaultSerializer, eventSerializer, configuration, exceptions,
                connections, transactions);
    }

    @Bean
    OtpSendRefusedEventUpcaster otpSendRefusedEventUpcaster() {
        return new OtpSendRefusedEventUpcaster();
    }

    /** The name is the one Axon's serializer factory looks up for {@code axon.serializer.*=jackson}. */
    @Bean("defaultAxonObjectMapper")
    ObjectMapper defaultAxonObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }
}
