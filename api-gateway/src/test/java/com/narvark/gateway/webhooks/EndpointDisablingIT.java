package com.narvark.gateway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.Nodes;
import com.narvark.gateway.support.WebhookReceiver;
import com.narvark.gateway.support.WebhookReceiver.Answer;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * An endpoint that keeps failing for the configured period (5 days in production, 2 s here) is disabled; one success
 * starts the period over.
 */
class EndpointDisablingIT {

    @Test
    void shouldDisableTheEndpointWhenEveryAttemptFailsForTheWholePeriod() throws InterruptedException {
        try (WebhookReceiver receiver = new WebhookReceiver();
             ConfigurableApplicationContext node = Nodes.start(Map.of("narvark.webhooks.disable-after", "2s"))) {
            receiver.answer(n -> Answer.status(500));
            Api api = Nodes.api(node);
            String key = Nodes.liveKey(api);
            String endpoint = api.post("/v1/webhook_endpoints", key, Api.json(Map.of("url", receiver.url("/down"),
                    "events", java.util.List.of("otp.dispatched")))).text("id");
            Instant started = Instant.now();
            api.post("/v1/otp/send", key, "{\"to\":\"jane@example.com\",\"channel\":\"email\"}");

            JsonNode state = null;
            while (Instant.now().isBefore(started.plusSeconds(20))) {
                state = api.get("/v1/webhook_endpoints/" + endpoint, key).json();
                if ("disabled".equals(state.get("status").asString())) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(state.get("status").asString()).isEqualTo("disabled");
            assertThat(state.get("disabled_reason").asString()).isEqualTo("every attempt failed for 2 seconds");
            assertThat(receiver.received().size()).isGreaterThan(1);
            JsonNode delivery = api.get("/v1/webhook_deliveries?endpoint_id=" + endpoint, key).json().get("data")
                    .get(0);
            assertThat(delivery.get("status").asString()).isEqualTo("failed");
        }
    }

    @Test
    void shouldStartThePeriodOverWhenADeliverySucceeds() throws InterruptedException {
        try (WebhookReceiver receiver = new WebhookReceiver();
             ConfigurableApplicationContext node = Nodes.start(Map.of("narvark.webhooks.disable-after", "2s",
                     "narvark.webhooks.retry.base-delay", "200ms"))) {
            // Fails, succeeds on the retry; later the next event's first attempt fails again.
            receiver.answer(n -> Answer.status(n == 1 || n == 3 ? 500 : 200));
            Api api = Nodes.api(node);
            String key = Nodes.liveKey(api);
            String endpoint = api.post("/v1/webhook_endpoints", key, Api.json(Map.of("url", receiver.url("/flaky"),
                    "events", java.util.List.of("otp.dispatched")))).text("id");
            api.post("/v1/otp/send", key, "{\"to\":\"jane@example.com\",\"channel\":\"email\"}");
            while (receiver.received().size() < 2) {
                Thread.sleep(50);
            }
            Thread.sleep(2_500); // past the period since the first failure

            api.post("/v1/otp/send", key, "{\"to\":\"joan@example.com\",\"channel\":\"email\"}");
            while (receiver.received().size() < 4) {
                Thread.sleep(50);
            }

            JsonNode state = api.get("/v1/webhook_endpoints/" + endpoint, key).json();
            assertThat(state.get("status").asString()).as("failing only since the third attempt").isEqualTo("enabled");
        }
    }
}
