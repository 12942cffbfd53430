package com.narvark.gateway.cost;

import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Wraps the application's one DataSource bean in a counting proxy, so that everything that reaches PostgreSQL
 * through it is counted: the JdbcClient of the controllers, of the delivery process table and of the expiry rows,
 * Axon's event store, token store and dead-letter queues (through Spring's transaction-bound connections of that
 * same bean). Test-only.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CountingDataSourceConfiguration {

    @Bean
    static SqlCounter sqlCounter() {
        return new SqlCounter();
    }

    /** Static, so that the post-processor exists before the DataSource is created. */
    @Bean
    static BeanPostProcessor countingDataSource(SqlCounter counter) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof DataSource dataSource)) {
                    return bean;
                }
                return ProxyDataSourceBuilder.create(name, dataSource).listener(counter).methodListener(counter)
                        .build();
            }
        };
    }
}
