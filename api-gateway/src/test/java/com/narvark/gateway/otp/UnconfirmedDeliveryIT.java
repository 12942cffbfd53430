package com.narvark.gateway.otp;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.GatewayIntegrationTest;
import com.narvark.gateway.support.WebhookReceiver;
import com.narvark.gateway.support.WebhookReceiver.Received;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The documented silent test number {@code +15005550005}: a carrier accepts the SMS and never sends a receipt. After
 * the receipt timeout (2 s in the tests' settings, 60 s by default) the OTP says so and the code the user has still
 * verifies; status, history, webhooks and analytics tell the same story.
 */
class UnconfirmedDeliveryIT extends GatewayIntegrationTest {

    private static final String SILENT = "+15005550005";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final WebhookReceiver receiver = new WebhookReceiver();

    @AfterEach
    void stop() {
        receiver.close();
    }

    private String send(String key, Map<String, Object> body) {
        Api.Response sent = api.post("/v1/otp/send", key, Api.json(body));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        return sent.text("id");
    }

    private JsonNode awaitUnconfirmed(String key, String otp, int channelsTried) {
        return await(() -> {
            JsonNode status = api.get("/v1/otp/" + otp, key).json();
            return !status.get("unconfirmed_at").isNull() && status.get("channels_tried").size() == channelsTried
                    ? status : null;
        }, WAIT);
    }

    private List<String> eventTypes(String key, String otp) {
        List<String> types = new ArrayList<>();
        api.get("/v1/otp/" + otp + "/events", key).json().get("data")
                .forEach(event -> types.add(event.get("type").asString()));
        return types;
    }

    @Test
    void shouldVerifyTheCodeWhenTheReceiptTimedOutWithNoFallbackLeft() {
        Keys keys = newAccount();
        assertThat(api.post("/v1/webhook_endpoints", keys.test(),
                Api.json(Map.of("url", receiver.url("/hooks")))).status()).isEqualTo(201);
        String otp = send(keys.test(), Map.of("to", SILENT, "channel", "sms"));

        JsonNode status = awaitUnconfirmed(keys.test(), otp, 1);
        assertThat(status.get("status").asString()).isEqualTo("dispatched");
        assertThat(status.get("failed_at").isNull()).isTrue();
        assertThat(status.get("delivered_at").isNull()).isTrue();
        assertThat(eventTypes(keys.test(), otp)).containsExactly("otp.requested", "otp.dispatched",
                "otp.delivery_unconfirmed");

        JsonNode verified = api.post("/v1/otp/verify", keys.test(), Api.json(Map.of("id", otp, "code", "123456")))
                .json();
        assertThat(verified.get("valid").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.get("status").asString()).isEqualTo("verified");

        List<Received> hooks = await(() -> receiver.accepted().size() >= 3 ? receiver.accepted() : null, WAIT);
        assertThat(hooks).extracting(Received::type)
                .containsExactlyInAnyOrder("otp.dispatched", "otp.delivery_unconfirmed", "otp.verified");
        JsonNode unconfirmed = hooks.stream().filter(h -> h.type().equals("otp.delivery_unconfirmed")).findFirst()
                .orElseThrow().json().get("data");
        assertThat(unconfirmed.get("status").asString()).isEqualTo("dispatched");
        assertThat(unconfirmed.get("channel").asString()).isEqualTo("sms");
        assertThat(unconfirmed.get("attempt").asInt()).isZero();

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonNode sms = await(() -> {
            JsonNode data = api.get("/v1/analytics?group_by=channel&from=" + today.minusDays(1) + "&to="
                    + today.plusDays(1), keys.test()).json().get("data");
            return data.size() == 1 && data.get(0).get("verified").asInt() == 1 ? data.get(0) : null;
        }, WAIT);
        assertThat(sms.get("unconfirmed").asInt()).isEqualTo(1);
        assertThat(sms.get("failed").asInt()).isZero();
    }

    @Test
    void shouldTryTheFallbackAndVerifyTheSameCodeWhenThePrimaryWentUnconfirmed() {
        Keys keys = newAccount();
        String otp = send(keys.test(), Map.of("to", SILENT, "channel", "sms", "fallback", "voice"));

        JsonNode status = awaitUnconfirmed(keys.test(), otp, 2);
        assertThat(status.get("channels_tried").toString()).isEqualTo("[\"sms\",\"voice\"]");
        await(() -> eventTypes(keys.test(), otp).stream().filter("otp.delivery_unconfirmed"::equals).count() == 2,
                WAIT);
        JsonNode afterBoth = api.get("/v1/otp/" + otp, keys.test()).json();
        assertThat(afterBoth.get("status").asString()).isEqualTo("dispatched");
        assertThat(afterBoth.get("failed_at").isNull()).isTrue();

        JsonNode verified = api.post("/v1/otp/verify", keys.test(), Api.json(Map.of("id", otp, "code", "123456")))
                .json();
        assertThat(verified.get("valid").asBoolean()).as(verified.toString()).isTrue();
    }
}
