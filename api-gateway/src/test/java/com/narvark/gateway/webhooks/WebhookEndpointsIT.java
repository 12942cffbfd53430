package com.narvark.gateway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Api;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The endpoint registry and the event log over HTTP: ownership, secrets shown once, hostile input. */
class WebhookEndpointsIT extends WebhookIntegrationTest {

    @Test
    void shouldShowTheSecretOnlyOnCreationWhenEndpointsAreReadBack() {
        JsonNode created = createEndpoint(keys.live(), receiver.url("/hooks"), List.of("otp.verified", "otp.locked"));
        String id = created.get("id").asString();
        assertThat(id).matches("we_[0-9a-z]{26}");
        assertThat(created.get("secret").asString()).matches("whsec_[A-Za-z0-9+/]{32}");
        assertThat(created.get("events").toString()).isEqualTo("[\"otp.verified\",\"otp.locked\"]");
        assertThat(created.get("status").asString()).isEqualTo("enabled");
        assertThat(created.get("livemode").asBoolean()).isTrue();

        JsonNode one = api.get("/v1/webhook_endpoints/" + id, keys.live()).json();
        assertThat(one.has("secret")).isFalse();
        assertThat(one.get("url").asString()).isEqualTo(receiver.url("/hooks"));
        JsonNode list = api.get("/v1/webhook_endpoints", keys.live()).json().get("data");
        assertThat(list).hasSize(1);
        assertThat(list.get(0).has("secret")).isFalse();
        assertThat(createEndpoint(keys.live(), receiver.url("/all"), null).get("events").toString())
                .isEqualTo("[\"*\"]");
    }

    @Test
    void shouldAnswerNotFoundWhenTheEndpointBelongsToAnotherAccountOrEnvironment() {
        String id = createEndpoint(keys.live(), receiver.url("/hooks"), null).get("id").asString();
        Keys other = newAccount();

        for (String key : List.of(keys.test(), other.live())) {
            assertThat(api.get("/v1/webhook_endpoints/" + id, key).status()).isEqualTo(404);
            assertThat(api.delete("/v1/webhook_endpoints/" + id, key).status()).isEqualTo(404);
            assertThat(api.post("/v1/webhook_endpoints/" + id + "/rotate_secret", key, "").status()).isEqualTo(404);
            assertThat(api.get("/v1/webhook_endpoints", key).json().get("data")).isEmpty();
        }
        assertThat(api.get("/v1/webhook_endpoints/" + id, keys.live()).status()).isEqualTo(200);
    }

    @Test
    void shouldForgetTheEndpointWhenItIsDeleted() {
        String id = createEndpoint(keys.test(), receiver.url("/hooks"), null).get("id").asString();

        Api.Response deleted = api.delete("/v1/webhook_endpoints/" + id, keys.test());

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("deleted").asBoolean()).isTrue();
        assertThat(api.get("/v1/webhook_endpoints/" + id, keys.test()).status()).isEqualTo(404);
        assertThat(api.delete("/v1/webhook_endpoints/" + id, keys.test()).status()).isEqualTo(404);
    }

    @Test
    void shouldKeepThePreviousSecretForADayWhenTheSecretIsRotated() {
        JsonNode created = createEndpoint(keys.test(), receiver.url("/hooks"), null);

        JsonNode rotated = api.post("/v1/webhook_endpoints/" + created.get("id").asString() + "/rotate_secret",
                keys.test(), "").json();

        assertThat(rotated.get("secret").asString()).startsWith("whsec_")
                .isNotEqualTo(created.get("secret").asString());
        Instant until = Instant.parse(rotated.get("previous_secret_expires_at").asString());
        assertThat(Duration.between(Instant.now(), until)).isBetween(Duration.ofHours(23), Duration.ofHours(25));
    }

    @Test
    void shouldRefuseMalformedEndpointsWhenRegistering() {
        Map<String, Object> cases = Map.of(
                "{\"url\":\"ftp://example.com/x\"}", "url",
                "{\"url\":\"https://user:pass@example.com/x\"}", "url",
                "{\"url\":\"not a url\"}", "url",
                "{\"url\":42}", "url",
                "{}", "url",
                "{\"url\":\"https://example.com\",\"events\":[]}", "events",
                "{\"url\":\"https://example.com\",\"events\":[\"otp.sent\"]}", "events",
                "{\"url\":\"https://example.com\",\"events\":\"otp.verified\"}", "events",
                "{\"url\":\"https://example.com\",\"events\":[7]}", "events",
                "{\"url\":\"https://example.com\",\"secret\":\"mine\"}", "secret");
        cases.forEach((body, param) -> {
            Api.Response answer = api.post("/v1/webhook_endpoints", keys.test(), body);
            assertThat(answer.status()).as(body + " → " + answer).isEqualTo(400);
            assertThat(answer.json().get("error").get("param").asString()).as(body).isEqualTo(param);
        });
        String tooLong = "https://example.com/" + "a".repeat(2100);
        assertThat(api.post("/v1/webhook_endpoints", keys.test(), Api.json(Map.of("url", tooLong))).status())
                .isEqualTo(400);
        assertThat(api.post("/v1/webhook_endpoints", keys.test(), "[1]").status()).isEqualTo(400);
        assertThat(api.get("/v1/webhook_endpoints/../otp", keys.test()).status()).isIn(400, 404);
        assertThat(api.get("/v1/webhook_endpoints/we_nope", keys.test()).status()).isEqualTo(404);
        assertThat(api.post("/v1/webhook_deliveries/whd_nope/redeliver", keys.test(), "").status()).isEqualTo(404);
        assertThat(api.get("/v1/webhook_endpoints", null).status()).isEqualTo(401);
    }

    @Test
    void shouldRefuseAnotherEndpointWhenTheAccountHasSixteen() {
        for (int i = 0; i < 16; i++) {
            createEndpoint(keys.test(), receiver.url("/hooks/" + i), null);
        }

        Api.Response seventeenth = api.post("/v1/webhook_endpoints", keys.test(),
                Api.json(Map.of("url", receiver.url("/hooks/16"))));

        assertThat(seventeenth.status()).isEqualTo(400);
        assertThat(seventeenth.json().get("error").get("message").asString()).contains("maximum");
        assertThat(api.get("/v1/webhook_endpoints", keys.test()).json().get("data")).hasSize(16);
        assertThat(api.post("/v1/webhook_endpoints", keys.live(), Api.json(Map.of("url", receiver.url("/l"))))
                .status()).isEqualTo(201);
    }

    @Test
    void shouldRefuseMalformedFiltersWhenReadingTheLog() {
        for (String query : List.of("?limit=0", "?limit=101", "?limit=abc", "?limit=1.5", "?type=otp.sent",
                "?status=done", "?endpoint_id=42", "?starting_after=evt_x", "?colour=red")) {
            Api.Response answer = api.get("/v1/webhook_deliveries" + query, keys.test());
            assertThat(answer.status()).as(query + " → " + answer).isEqualTo(400);
            assertThat(answer.json().get("error").get("code").asString()).isEqualTo("invalid_request");
        }
    }

    @Test
    void shouldPageAndFilterTheLogWhenDeliveriesAccumulate() {
        String endpoint = createEndpoint(keys.test(), receiver.url("/hooks"), null).get("id").asString();
        String other = createEndpoint(keys.test(), receiver.url("/other"), List.of("otp.dispatched")).get("id")
                .asString();
        sendTestOtp(Map.of());
        sendTestOtp(Map.of());
        awaitAccepted(6);

        JsonNode all = deliveries(keys.test(), "?limit=100");
        assertThat(all.get("data")).hasSize(6);
        assertThat(all.get("has_more").asBoolean()).isFalse();
        JsonNode first = deliveries(keys.test(), "?limit=4");
        assertThat(first.get("has_more").asBoolean()).isTrue();
        String last = first.get("data").get(3).get("id").asString();
        JsonNode second = deliveries(keys.test(), "?limit=4&starting_after=" + last);
        assertThat(second.get("data")).hasSize(2);
        assertThat(second.get("has_more").asBoolean()).isFalse();
        List<String> paged = new java.util.ArrayList<>(first.get("data").findValuesAsString("id"));
        paged.addAll(second.get("data").findValuesAsString("id"));
        assertThat(paged).containsExactlyElementsOf(all.get("data").findValuesAsString("id"));

        assertThat(deliveries(keys.test(), "?endpoint_id=" + other).get("data")).hasSize(2);
        assertThat(deliveries(keys.test(), "?type=otp.delivered").get("data")).hasSize(2);
        assertThat(deliveries(keys.test(), "?type=otp.delivered&endpoint_id=" + endpoint).get("data")).hasSize(2);
        JsonNode succeeded = await(() -> {
            JsonNode page = deliveries(keys.test(), "?status=succeeded");
            return page.get("data").size() == 6 ? page : null;
        }, WAIT);
        JsonNode attempt = succeeded.get("data").get(0).get("attempts").get(0);
        assertThat(attempt.get("http_status").asInt()).isEqualTo(200);
        assertThat(attempt.get("latency_ms").asLong()).isNotNegative();
        assertThat(attempt.get("attempted_at").asString()).isNotBlank();
        assertThat(deliveries(keys.test(), "?status=pending").get("data")).isEmpty();
        assertThat(deliveries(keys.live(), "").get("data")).isEmpty();
    }
}
