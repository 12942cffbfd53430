package com.narvark.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.GatewayIntegrationTest;
import com.narvark.gateway.support.TestDatabase;
import com.narvark.gateway.support.TestSettings;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every pooled connection is closed once per borrow. A second close of a borrow Hikari has already taken back empties
 * the statement list of whichever thread borrowed that connection next (it is the physical connection's list), and
 * that thread's next statement fails with an index of -1: Axon's unit-of-work connection wrapper did this after every
 * unit of work, which answered two sends 500 in about 25,000 under load.
 */
@Import(ConnectionsClosedOnceIT.CloseWatch.class)
class ConnectionsClosedOnceIT extends GatewayIntegrationTest {

    static final List<String> SECOND_CLOSES = new CopyOnWriteArrayList<>();

    /** A context of its own (the watch wraps its pool), so a database of its own: it shares no segment claims. */
    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestSettings.apply(registry::add, TestDatabase.jdbcUrl("closedonce"));
    }

    @Test
    void shouldCloseEachBorrowedConnectionOnceThroughAWholeLifecycle() {
        Keys keys = newAccount();
        SECOND_CLOSES.clear();
        for (int i = 0; i < 5; i++) {
            String otpId = api.post("/v1/otp/send", keys.test(), "{\"to\":\"+447400123456\",\"channel\":\"sms\"}")
                    .text("id");
            Api.Response verified = api.post("/v1/otp/verify", keys.test(),
                    Api.json(Map.of("id", otpId, "code", "123456")));
            assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
            await(() -> "verified".equals(api.get("/v1/otp/" + otpId, keys.test()).text("status")) ? true : null,
                    Duration.ofSeconds(10));
        }
        assertThat(SECOND_CLOSES).as("connections closed again after their first close").isEmpty();
    }

    /** Wraps the pool so that each borrowed connection remembers its close. */
    @TestConfiguration(proxyBeanMethods = false)
    static class CloseWatch {

        @Bean
        static BeanPostProcessor closeWatchingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof DataSource pool && "dataSource".equals(beanName) ? watched(pool) : bean;
                }
            };
        }

        private static DataSource watched(DataSource pool) {
            return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                    new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                        Object result = invoke(pool, method, args);
                        return result instanceof Connection borrowed ? watched(borrowed) : result;
                    });
        }

        private static Connection watched(Connection borrowed) {
            AtomicBoolean closed = new AtomicBoolean();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close") && closed.getAndSet(true)) {
                            SECOND_CLOSES.add(Thread.currentThread().getName() + ": "
                                    + List.of(new Throwable().getStackTrace()).subList(2, 12));
                            return null;
                        }
                        return invoke(borrowed, method, args);
                    });
        }

        private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
