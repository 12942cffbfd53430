package com.narvark.gateway.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.GatewayIntegrationTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Resends reaching the carrier as new rounds, the new-code option and the five-send cap (2 s cooldown here). */
@ShortCooldownSettings
class ResendRoundsIT extends GatewayIntegrationTest {

    private Api.Response resend(String key, String otp, String code) throws InterruptedException {
        Thread.sleep(ShortCooldownSettings.COOLDOWN_MILLIS + 100);
        return api.post("/v1/otp/" + otp + "/resend", key, Api.json(Map.of("code", code)));
    }

    private int sandboxMessages(String key, String otp) {
        return api.get("/v1/sandbox/messages?otp_id=" + otp, key).json().get("data").size();
    }

    private JsonNode verify(String key, String otp, String code) {
        return api.post("/v1/otp/verify", key, Api.json(Map.of("id", otp, "code", code))).json();
    }

    @Test
    void shouldDeliverEachResendAndStopAtFiveSendsWhenResentAfterEachCooldown() throws Exception {
        Keys keys = newAccount();
        String otp = api.post("/v1/otp/send", keys.live(),
                Api.json(Map.of("to", Destinations.freshMobile(), "channel", "sms"))).text("id");
        String first = sandboxCode(keys.live(), otp);

        Api.Response same = resend(keys.live(), otp, "same");
        assertThat(same.status()).as(same.toString()).isEqualTo(200);
        assertThat(same.json().get("sends").asInt()).isEqualTo(2);
        await(() -> sandboxMessages(keys.live(), otp) == 2 ? true : null, Duration.ofSeconds(10));
        assertThat(sandboxCode(keys.live(), otp)).isEqualTo(first);

        assertThat(resend(keys.live(), otp, "new").status()).isEqualTo(200);
        await(() -> sandboxMessages(keys.live(), otp) == 3 ? true : null, Duration.ofSeconds(10));
        String fresh = sandboxCode(keys.live(), otp);
        if (!fresh.equals(first)) { // one chance in a million that the new code repeats the old one
            JsonNode old = verify(keys.live(), otp, first);
            assertThat(old.get("valid").asBoolean()).isFalse();
            assertThat(old.get("attempts_remaining").asInt()).isEqualTo(4);
        }

        assertThat(resend(keys.live(), otp, "same").status()).isEqualTo(200);
        Api.Response fifth = resend(keys.live(), otp, "same");
        assertThat(fifth.json().get("sends").asInt()).isEqualTo(5);
        Api.Response sixth = resend(keys.live(), otp, "same");
        assertThat(sixth.status()).isEqualTo(409);
        assertThat(sixth.json().get("error").get("code").asString()).isEqualTo("resend_limit_reached");

        await(() -> sandboxMessages(keys.live(), otp) == 5 ? true : null, Duration.ofSeconds(10));
        assertThat(verify(keys.live(), otp, fresh).get("valid").asBoolean()).isTrue();
    }

    @Test
    void shouldWalkTheFallbacksAgainWhenATestOtpIsResent() throws Exception {
        Keys keys = newAccount();
        // +15005550003: the primary channel fails, the fallback delivers.
        String otp = api.post("/v1/otp/send", keys.test(),
                Api.json(Map.of("to", "+15005550003", "channel", "whatsapp", "fallback", "sms"))).text("id");
        await(() -> "delivered".equals(api.get("/v1/otp/" + otp, keys.test()).text("status")) ? true : null,
                Duration.ofSeconds(10));

        assertThat(resend(keys.test(), otp, "same").status()).isEqualTo(200);

        JsonNode events = await(() -> {
            JsonNode data = api.get("/v1/otp/" + otp + "/events", keys.test()).json().get("data");
            int delivered = 0;
            for (JsonNode event : data) {
                delivered += event.get("type").asString().equals("otp.delivered") ? 1 : 0;
            }
            return delivered == 2 ? data : null;
        }, Duration.ofSeconds(10));
        StringBuilder attempts = new StringBuilder();
        for (JsonNode event : events) {
            if (event.get("data").has("attempt")) {
                attempts.append(event.get("type").asString()).append('@').append(event.get("data").get("attempt"))
                        .append(' ');
            }
        }
        // Round 1 starts again on WhatsApp (attempt 2) and falls back to SMS (attempt 3).
        assertThat(attempts.toString()).contains("otp.delivery_failed@2", "otp.delivered@3");
    }
}
