package com.narvark.gateway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.GatewayIntegrationTest;
import com.narvark.gateway.support.WebhookReceiver;
import com.narvark.gateway.support.WebhookSignatures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

/** Webhook ITs: a fresh account and a fresh loopback receiver per test. */
abstract class WebhookIntegrationTest extends GatewayIntegrationTest {

    protected static final Duration WAIT = Duration.ofSeconds(15);
    /** A destination without the test code's digits in it, so that a payload can be searched for the code. */
    protected static final String TO = "zoe@example.com";

    protected WebhookReceiver receiver;
    protected Keys keys;

    @BeforeEach
    void receiverAndAccount() {
        receiver = new WebhookReceiver();
        keys = newAccount();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    /** Registers {@code url} for the key's environment; answers the endpoint object, secret included. */
    protected JsonNode createEndpoint(String key, String url, List<String> events) {
        Map<String, Object> body = events == null ? Map.of("url", url) : Map.of("url", url, "events", events);
        Api.Response created = api.post("/v1/webhook_endpoints", key, Api.json(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    protected String sendTestOtp(Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("to", TO, "channel", "email"));
        body.putAll(extra);
        Api.Response sent = api.post("/v1/otp/send", keys.test(), Api.json(body));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        return sent.text("id");
    }

    protected List<WebhookReceiver.Received> awaitAccepted(int count) {
        return await(() -> receiver.accepted().size() >= count ? receiver.accepted() : null, WAIT);
    }

    protected JsonNode deliveries(String key, String query) {
        Api.Response page = api.get("/v1/webhook_deliveries" + query, key);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json();
    }

    protected static void assertSigned(WebhookReceiver.Received request, String secret) {
        assertThat(WebhookSignatures.narvarkValid(secret, request.body(), request.header("X-Narvark-Signature")))
                .as("X-Narvark-Signature").isTrue();
        assertThat(WebhookSignatures.standardValid(secret, request.header("webhook-id"),
                request.header("webhook-timestamp"), request.body(), request.header("webhook-signature")))
                .as("webhook-signature").isTrue();
        assertThat(request.header("webhook-id")).isEqualTo(request.eventId());
    }
}
