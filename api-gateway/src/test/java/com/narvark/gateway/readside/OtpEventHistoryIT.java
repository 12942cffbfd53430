package com.narvark.gateway.readside;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.GatewayIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** GET /v1/otp/{id}/events: every step of an OTP from the event store, in order, public fields only, scoped. */
class OtpEventHistoryIT extends GatewayIntegrationTest {

    /** WhatsApp refuses this number (the tests' carrier), so the OTP falls back to SMS. */
    private static final String NOT_ON_WHATSAPP = "+447400900123";

    private JsonNode history(String key, String otpId) {
        Api.Response response = api.get("/v1/otp/" + otpId + "/events", key);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    @Test
    void shouldShowEveryStepInOrderWhenAnOtpFellBackWasMistypedAndVerified() {
        Keys keys = newAccount();
        String otpId = api.post("/v1/otp/send", keys.live(), Api.json(Map.of("to", NOT_ON_WHATSAPP,
                "channel", "whatsapp", "fallback", "sms", "metadata", Map.of("order", "7")))).text("id");
        String code = sandboxCode(keys.live(), otpId);
        // The sandbox's acceptance is its delivery: wait for it so that the history's order is fixed.
        await(() -> "delivered".equals(api.get("/v1/otp/" + otpId, keys.live()).text("status")),
                Duration.ofSeconds(10));
        String wrong = code.equals("000000") ? "111111" : "000000";
        api.post("/v1/otp/verify", keys.live(), Api.json(Map.of("id", otpId, "code", wrong)));
        assertThat(api.post("/v1/otp/verify", keys.live(), Api.json(Map.of("id", otpId, "code", code))).json()
                .get("valid").asBoolean()).isTrue();

        JsonNode body = await(() -> {
            JsonNode h = history(keys.live(), otpId);
            return h.get("data").size() >= 6 ? h : null;
        }, Duration.ofSeconds(10));
        JsonNode events = body.get("data");
        List<String> types = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            types.add(event.get("type").asString());
            assertThat(event.get("sequence").asLong()).isEqualTo(i);
            assertThat(event.get("otp_id").asString()).isEqualTo(otpId);
            assertThat(event.get("object").asString()).isEqualTo("otp_event");
            assertThat(event.get("timestamp").asString()).isNotEmpty();
        }
        assertThat(types).containsExactly("otp.requested", "otp.delivery_failed", "otp.dispatched",
                "otp.delivered", "otp.verification_failed", "otp.verified");
        JsonNode requested = events.get(0).get("data");
        assertThat(requested.get("to").asString()).isEqualTo(NOT_ON_WHATSAPP);
        assertThat(requested.get("channel").asString()).isEqualTo("whatsapp");
        assertThat(requested.get("fallbacks").toString()).isEqualTo("[\"sms\"]");
        assertThat(requested.get("metadata").get("order").asString()).isEqualTo("7");
        JsonNode refused = events.get(1).get("data");
        assertThat(refused.get("channel").asString()).isEqualTo("whatsapp");
        assertThat(refused.get("attempt").asInt()).isZero();
        assertThat(refused.get("reason").asString()).isEqualTo("unreachable");
        assertThat(refused.get("failure_reason").asString()).isEqualTo("unreachable");
        assertThat(refused.get("carrier_error").asString()).isEqualTo("whatsapp:131026");
        JsonNode fallback = events.get(2).get("data");
        assertThat(fallback.get("channel").asString()).isEqualTo("sms");
        assertThat(fallback.get("attempt").asInt()).isEqualTo(1);
        assertThat(fallback.get("parts").asInt()).isEqualTo(1);
        assertThat(fallback.get("encoding").asString()).isEqualTo("gsm7");
        assertThat(events.get(3).get("data").get("channel").asString()).isEqualTo("sms");
        assertThat(events.get(4).get("data").get("attempts_remaining").asInt()).isEqualTo(4);
        assertThat(events.get(5).get("data").get("attempts_used").asInt()).isEqualTo(2);

        String text = body.toString().toLowerCase();
        assertThat(text).doesNotContain("hash", "encrypted", "cipher", "deadline", "code\":", code);
    }

    @Test
    void shouldAnswerNotFoundExactlyLikeAnUnknownIdWhenAnotherAccountOrEnvironmentAsks() {
        Keys owner = newAccount();
        Keys stranger = newAccount();
        String otpId = api.post("/v1/otp/send", owner.live(), "{\"to\":\"+447911123456\",\"channel\":\"sms\"}")
                .text("id");
        assertThat(history(owner.live(), otpId).get("data")).isNotEmpty();
        Api.Response unknown = api.get("/v1/otp/otp_00000000000000000000000000/events", owner.live());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").get("code").asString()).isEqualTo("not_found");
        for (String key : List.of(stranger.live(), stranger.test(), owner.test())) {
            Api.Response response = api.get("/v1/otp/" + otpId + "/events", key);
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.body()).isEqualTo(unknown.body());
        }
        assertThat(api.get("/v1/otp/not-an-id/events", owner.live()).body()).isEqualTo(unknown.body());
        assertThat(api.get("/v1/otp/" + otpId + "/events", null).status()).isEqualTo(401);
    }
}
