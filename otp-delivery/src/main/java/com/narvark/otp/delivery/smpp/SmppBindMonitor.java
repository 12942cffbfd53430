package com.narvark.otp.delivery.smpp;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The SMPP bind as readiness ("smpp" health contributor) and as the gauge {@code narvark.smpp.bound}, when SMS goes
 * over SMPP. The session is then bound at start rather than on the first message, so a node whose SMSC refuses the
 * bind is not ready before it takes traffic. Without SMPP configured the contributor is UP and says so, and there is
 * no gauge.
 */
@Component("smppHealthIndicator")
class SmppBindMonitor implements HealthIndicator, SmartLifecycle {

    private final SmppSmsProvider provider;
    private final SmppSettings settings;
    private final boolean configured;
    private volatile boolean running;

    SmppBindMonitor(SmppSmsProvider provider, SmppSettings settings, Environment environment,
                    MeterRegistry registry) {
        this.provider = provider;
        this.settings = settings;
        this.configured = SmppSmsProvider.NAME.equals(environment.getProperty("narvark.delivery.sms.provider"));
        if (configured) {
            Gauge.builder("narvark.smpp.bound", provider, p -> p.isBound() ? 1 : 0)
                    .description("1 while the SMPP transceiver session is bound, 0 while it is down or re-binding")
                    .register(registry);
        }
    }

    @Override
    public Health health() {
        if (!configured) {
            return Health.up().withDetail("configured", false).build();
        }
        Health.Builder health = provider.isBound() ? Health.up() : Health.down();
        return health.withDetail("smsc", settings.host() + ":" + settings.port()).build();
    }

    @Override
    public void start() {
        if (configured) {
            provider.bindInBackground();
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
