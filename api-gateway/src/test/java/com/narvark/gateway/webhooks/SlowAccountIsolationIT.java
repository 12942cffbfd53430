package com.narvark.gateway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.TricklingReceiver;
import com.narvark.gateway.support.WebhookReceiver.Received;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The security finding this answers: an account whose endpoints trickle their TLS handshake held the shared sender
 * threads (four per node) for hours, stalling webhooks for every customer. Now each attempt ends at the 2 s
 * timeout here, and one account's endpoints hold at most two of the threads, so another account's webhooks keep
 * arriving while twelve hostile endpoints stall (three times the threads of a node, so other nodes of a shared
 * test run are saturated as well).
 */
class SlowAccountIsolationIT extends WebhookIntegrationTest {

    private static final int HOSTILE_ENDPOINTS = 12;
    /** Well below the time a healthy delivery waits when four 2 s attempts of the hostile account hold the threads. */
    private static final Duration PROMPTLY = Duration.ofSeconds(3);

    private final TricklingReceiver trickler = new TricklingReceiver();
    private final List<String> hostileEndpoints = new ArrayList<>();
    private Keys hostile;

    @AfterEach
    void removeHostileEndpoints() {
        // The shared application context runs other tests next: their sender threads must not stay busy with these.
        hostileEndpoints.forEach(id -> api.delete("/v1/webhook_endpoints/" + id, hostile.test()));
        trickler.close();
    }

    @Test
    void shouldKeepDeliveringOtherAccountsWebhooksWhenOneAccountsEndpointsTrickleTheirHandshake() {
        hostile = newAccount();
        for (int i = 0; i < HOSTILE_ENDPOINTS; i++) {
            hostileEndpoints.add(createEndpoint(hostile.test(), trickler.url("/hook" + i), List.of("otp.dispatched"))
                    .get("id").asString());
        }
        createEndpoint(keys.test(), receiver.url("/healthy"), null);
        send(hostile.test());
        send(hostile.test());
        await(() -> trickler.connections() >= 2, WAIT);

        for (int i = 0; i < 3; i++) {
            String otp = send(keys.test());
            List<Received> arrived = await(() -> {
                List<Received> of = receiver.accepted().stream().filter(r -> r.otpId().equals(otp)).toList();
                return of.size() >= 2 ? of : null;
            }, PROMPTLY);
            assertThat(arrived).extracting(Received::type).containsExactly("otp.dispatched", "otp.delivered");
        }

        JsonNode attempt = await(() -> firstAttempt(hostileEndpoints.get(0)), WAIT);
        assertThat(attempt.get("http_status").isNull()).isTrue();
        assertThat(attempt.get("error").asString()).isEqualTo("timed out after 2 s");
        assertThat(attempt.get("latency_ms").asLong()).isBetween(1_900L, 4_000L);
        JsonNode hostileDeliveries = deliveries(hostile.test(), "?endpoint_id=" + hostileEndpoints.get(0)).get("data");
        assertThat(hostileDeliveries.findValuesAsString("status")).containsOnly("pending");
    }

    /** The first attempt at the endpoint's oldest delivery (the log lists the newest first), once there is one. */
    private JsonNode firstAttempt(String endpoint) {
        JsonNode data = deliveries(hostile.test(), "?endpoint_id=" + endpoint).get("data");
        JsonNode oldest = data.isEmpty() ? null : data.get(data.size() - 1);
        return oldest == null || oldest.get("attempts").isEmpty() ? null : oldest.get("attempts").get(0);
    }

    private String send(String key) {
        Api.Response sent = api.post("/v1/otp/send", key, Api.json(Map.of("to", TO, "channel", "email")));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        return sent.text("id");
    }
}
