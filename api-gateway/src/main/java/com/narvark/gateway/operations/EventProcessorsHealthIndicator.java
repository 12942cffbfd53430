package com.narvark.gateway.operations;

import com.narvark.gateway.operations.ProcessorMonitor.ProcessorSample;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness of the event processors ("eventProcessors" health contributor), from {@link ProcessorMonitor}'s last
 * sample: DOWN before the first sample, when a processor is not running, when one of this node's segments is in
 * error (a failing handler being retried), or when a processor has segments no node has claimed. A node holding
 * no segment of a processor is fine while other nodes hold them all.
 */
@Component("eventProcessorsHealthIndicator")
class EventProcessorsHealthIndicator implements HealthIndicator {

    private final ProcessorMonitor monitor;

    EventProcessorsHealthIndicator(ProcessorMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public Health health() {
        Map<String, ProcessorSample> samples = monitor.samples();
        if (samples.isEmpty()) {
            return Health.down().withDetail("reason", "not sampled yet").build();
        }
        boolean up = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (ProcessorSample sample : samples.values()) {
            String problem = problem(sample);
            up &= problem == null;
            details.put(sample.name(), Map.of("state", problem == null ? "ok" : problem,
                    "claimed", sample.claimed(), "unclaimed", sample.unclaimed(),
                    "lag", sample.lag() == null ? "unknown" : sample.lag()));
        }
        return (up ? Health.up() : Health.down()).withDetails(details).build();
    }

    static String problem(ProcessorSample sample) {
        if (!sample.running()) {
            return "stopped";
        }
        if (sample.error() || sample.errored() > 0) {
            return "error";
        }
        return sample.unclaimed() > 0 ? "unclaimed segments" : null;
    }
}
