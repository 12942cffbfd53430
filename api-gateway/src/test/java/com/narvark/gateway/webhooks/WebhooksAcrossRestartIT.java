package com.narvark.gateway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.Nodes;
import com.narvark.gateway.support.WebhookReceiver;
import com.narvark.gateway.support.WebhookReceiver.Answer;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The outbox is durable: deliveries pending when a node stops are all sent once the next nodes start; and two nodes
 * sending from the same outbox at once send every delivery exactly once (no crash, so no lease ran out).
 */
class WebhooksAcrossRestartIT {

    private static final int OTPS = 100;

    @Test
    void shouldLoseNoDeliveryWhenTheNodeStopsWith200Pending() throws InterruptedException {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answer(n -> Answer.status(503));
            String key;
            Set<String> pendingAtStop = new HashSet<>();
            try (ConfigurableApplicationContext first = Nodes.start()) {
                Api api = Nodes.api(first);
                key = testKey(api);
                Api.Response endpoint = api.post("/v1/webhook_endpoints", key,
                        Api.json(java.util.Map.of("url", receiver.url("/hooks"))));
                assertThat(endpoint.status()).as(endpoint.toString()).isEqualTo(201);
                for (int i = 0; i < OTPS; i++) {
                    api.post("/v1/otp/send", key, "{\"to\":\"+447911123456\",\"channel\":\"sms\"}");
                }
                Instant deadline = Instant.now().plusSeconds(30);
                while (pendingAtStop.size() < 2 * OTPS && Instant.now().isBefore(deadline)) {
                    pendingAtStop = eventIds(api, key, "&status=pending");
                    Thread.sleep(100);
                }
                assertThat(pendingAtStop).as("deliveries pending when the node stops").hasSize(2 * OTPS);
            }
            receiver.answer(n -> Answer.status(200));
            Instant restarted = Instant.now();
            try (ConfigurableApplicationContext second = Nodes.start();
                 ConfigurableApplicationContext third = Nodes.start()) {
                Api api = Nodes.api(second);
                Instant deadline = Instant.now().plusSeconds(30);
                Set<String> accepted = new HashSet<>();
                while (accepted.size() < 2 * OTPS && Instant.now().isBefore(deadline)) {
                    accepted = new HashSet<>(receiver.accepted().stream().map(WebhookReceiver.Received::eventId)
                            .toList());
                    Thread.sleep(100);
                }
                System.out.printf("webhooks across restart: %d pending at stop, %d distinct accepted after restart "
                        + "(%d accepted requests, %d requests in all), all sent %d ms after the restart began%n",
                        pendingAtStop.size(), accepted.size(), receiver.accepted().size(), receiver.received().size(),
                        java.time.Duration.between(restarted, Instant.now()).toMillis());
                assertThat(accepted).isEqualTo(pendingAtStop);
                assertThat(receiver.accepted()).as("no delivery sent twice by the two nodes").hasSize(2 * OTPS);
                Set<String> succeeded = Set.of();
                while (succeeded.size() < 2 * OTPS && Instant.now().isBefore(deadline.plusSeconds(5))) {
                    succeeded = eventIds(api, key, "&status=succeeded");
                    Thread.sleep(100);
                }
                assertThat(succeeded).isEqualTo(pendingAtStop);
            }
        }
    }

    private static String testKey(Api api) {
        for (JsonNode k : api.post("/v1/admin/accounts", Nodes.ADMIN, "{\"name\":\"restart\"}").json().get("keys")) {
            if (!k.get("livemode").asBoolean()) {
                return k.get("secret").asString();
            }
        }
        throw new IllegalStateException("no test key issued");
    }

    /** Every event id in the log with the given filter, following the cursor. */
    private static Set<String> eventIds(Api api, String key, String filter) {
        Set<String> ids = new HashSet<>();
        String cursor = "";
        while (true) {
            JsonNode page = api.get("/v1/webhook_deliveries?limit=100" + filter + cursor, key).json();
            List<String> pageIds = page.get("data").findValuesAsString("event_id");
            ids.addAll(pageIds);
            if (!page.get("has_more").asBoolean()) {
                return ids;
            }
            JsonNode data = page.get("data");
            cursor = "&starting_after=" + data.get(data.size() - 1).get("id").asString();
        }
    }

}
