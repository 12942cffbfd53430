package com.narvark.gateway.operations;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's own processor and bus metrics (latency, capacity, message counts), dimensional: one meter name, the
 * processor and payload type as tags. Axon's auto-configuration for this is excluded (application.yml) because it
 * orders itself after Spring Boot 3's metrics auto-configuration, which Boot 4 renamed: it would then define a
 * {@code SimpleMeterRegistry} of its own before Boot's Prometheus registry exists, and the scrape would not see them.
 */
@Configuration(proxyBeanMethods = false)
class AxonMetricsConfiguration {

    @Bean
    GlobalMetricRegistry axonGlobalMetricRegistry(MeterRegistry registry) {
        return new GlobalMetricRegistry(registry);
    }

    @Bean
    ConfigurerModule axonMetrics(GlobalMetricRegistry axonGlobalMetricRegistry) {
        return new MetricsConfigurerModule(axonGlobalMetricRegistry, true);
    }
}
