package com.narvark.gateway.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code narvark.readiness}: 1 while the readiness group (database, event processors, SMPP bind) is UP, else 0, so
 * the alert rules see what the load balancer sees. Evaluated per scrape: the group's checks are one connection
 * validation and two cached samples.
 */
@Component
class ReadinessGauge {

    private final ObjectProvider<HealthEndpoint> health;

    /** The gauge holds its state object weakly: this bean (a singleton) is it, not the short-lived provider. */
    ReadinessGauge(ObjectProvider<HealthEndpoint> health, MeterRegistry registry) {
        this.health = health;
        Gauge.builder("narvark.readiness", this, ReadinessGauge::ready)
                .description("1 while /actuator/health/readiness is UP, 0 otherwise").register(registry);
    }

    private double ready() {
        HealthEndpoint endpoint = health.getIfAvailable();
        HealthDescriptor readiness = endpoint == null ? null : endpoint.healthForPath("readiness");
        return readiness != null && Status.UP.equals(readiness.getStatus()) ? 1 : 0;
    }
}
