package com.narvark.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.GatewayIntegrationTest;
import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Readiness follows the event processors; liveness stays up; details are the operator's only. */
class ReadinessIT extends GatewayIntegrationTest {

    @Autowired
    private EventProcessingConfiguration processing;

    private Api.Response readiness(String token) {
        return api.get("/actuator/health/readiness", token);
    }

    private Api.Response awaitReadiness(int status) {
        return await(() -> {
            Api.Response answer = readiness(ADMIN_TOKEN);
            return answer.status() == status ? answer : null;
        }, Duration.ofSeconds(20));
    }

    @Test
    void shouldShowTheChecksToTheOperatorOnlyWhenReadinessIsAsked() {
        Api.Response ready = awaitReadiness(200);
        assertThat(ready.json().path("components").properties()).extracting(java.util.Map.Entry::getKey)
                .contains("db", "eventProcessors", "smpp", "readinessState");
        assertThat(ready.json().path("components").path("smpp").path("details").path("configured").asBoolean(true))
                .isFalse();
        Api.Response anonymous = readiness(null);
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(api.get("/actuator/health/liveness", null).body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void shouldReportNotReadyWhenAnEventProcessorStopsAndReadyAgainWhenItRuns() {
        awaitReadiness(200);
        TrackingEventProcessor usage = processing.eventProcessor("otp-usage", TrackingEventProcessor.class)
                .orElseThrow();
        usage.shutDown();
        try {
            Api.Response down = awaitReadiness(503);
            assertThat(down.json().path("components").path("eventProcessors").path("details").path("otp-usage")
                    .path("state").asString()).isEqualTo("stopped");
            assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
            assertThat(Scrape.of(api, ADMIN_TOKEN).sum("narvark_readiness")).isZero();
        } finally {
            usage.start();
        }
        awaitReadiness(200);
    }
}
