package com.narvark.gateway.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.GatewayIntegrationTest;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Resend and cancel with the production defaults (30 s cooldown), and their hostile cases. */
class ResendAndCancelIT extends GatewayIntegrationTest {

    private String send(String key, String to) {
        Api.Response sent = api.post("/v1/otp/send", key, Api.json(Map.of("to", to, "channel", "sms")));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        return sent.text("id");
    }

    private static String error(Api.Response response) {
        return response.json().get("error").get("code").asString();
    }

    @Test
    void shouldRefuseWithRetryAfterWhenResentWithinThirtySeconds() {
        Keys keys = newAccount();
        String otp = send(keys.live(), Destinations.freshMobile());

        Api.Response early = api.post("/v1/otp/" + otp + "/resend", keys.live(), "{}");

        assertThat(early.status()).isEqualTo(429);
        assertThat(error(early)).isEqualTo("resend_too_soon");
        long retryAfter = Long.parseLong(early.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 30L);
        assertThat(api.get("/v1/otp/" + otp, keys.live()).json().get("sends").asInt()).isEqualTo(1);
    }

    @Test
    void shouldEndTheOtpAndRefuseItsCodeWhenCancelled() {
        Keys keys = newAccount();
        String otp = send(keys.test(), "+15005550001");

        Api.Response cancelled = api.send(api.request("/v1/otp/" + otp + "/cancel", keys.test())
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("cancelled");
        assertThat(cancelled.json().get("cancelled_at").isNull()).isFalse();
        JsonNode verify = api.post("/v1/otp/verify", keys.test(), Api.json(Map.of("id", otp, "code", "123456")))
                .json();
        assertThat(verify.get("valid").asBoolean()).isFalse();
        assertThat(verify.get("status").asString()).isEqualTo("cancelled");
        assertThat(api.post("/v1/otp/" + otp + "/cancel", keys.test(), "{}").text("status")).isEqualTo("cancelled");
        Api.Response resend = api.post("/v1/otp/" + otp + "/resend", keys.test(), "{}");
        assertThat(resend.status()).isEqualTo(409);
        assertThat(error(resend)).isEqualTo("otp_not_active");
        List<String> types = await(() -> {
            List<String> seen = new java.util.ArrayList<>();
            api.get("/v1/otp/" + otp + "/events", keys.test()).json().get("data")
                    .forEach(e -> seen.add(e.get("type").asString()));
            return seen.contains("otp.cancelled") ? seen : null;
        }, java.time.Duration.ofSeconds(10));
        assertThat(types).containsOnlyOnce("otp.cancelled");
    }

    @Test
    void shouldRefuseToCancelWhenTheOtpWasVerified() {
        Keys keys = newAccount();
        String otp = send(keys.test(), "+15005550001");
        assertThat(api.post("/v1/otp/verify", keys.test(), Api.json(Map.of("id", otp, "code", "123456")))
                .json().get("valid").asBoolean()).isTrue();

        Api.Response cancel = api.post("/v1/otp/" + otp + "/cancel", keys.test(), "{}");

        assertThat(cancel.status()).isEqualTo(409);
        assertThat(error(cancel)).isEqualTo("otp_not_active");
    }

    @Test
    void shouldAnswerNotFoundWhenTheOtpIsForeignOrMalformed() {
        Keys owner = newAccount();
        Keys stranger = newAccount();
        String otp = send(owner.live(), Destinations.freshMobile());
        for (String key : List.of(stranger.live(), stranger.test(), owner.test())) {
            assertThat(api.post("/v1/otp/" + otp + "/resend", key, "{}").status()).isEqualTo(404);
            assertThat(api.post("/v1/otp/" + otp + "/cancel", key, "{}").status()).isEqualTo(404);
        }
        assertThat(api.post("/v1/otp/otp_nope/resend", owner.live(), "{}").status()).isEqualTo(404);
        assertThat(api.post("/v1/otp/'or1=1/cancel", owner.live(), "{}").status()).isEqualTo(404);
        assertThat(api.post("/v1/otp/%27or%201=1/cancel", owner.live(), "{}").status()).isEqualTo(400);
        assertThat(api.get("/v1/otp/" + otp, owner.live()).text("status")).isNotEqualTo("cancelled");
    }

    @Test
    void shouldRefuseMalformedBodiesAndChangeNothingWhenResendOrCancelIsHostile() {
        Keys keys = newAccount();
        String otp = send(keys.test(), "+15005550001");
        Map<String, String> hostile = Map.of(
                "{\"code\":\"other\"}", "code", "{\"code\":1}", "code", "{\"channel\":\"sms\"}", "channel",
                "[]", "", "\"new\"", "", "{\"code\":", "");
        hostile.forEach((body, param) -> {
            Api.Response answer = api.post("/v1/otp/" + otp + "/resend", keys.test(), body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(error(answer)).isEqualTo("invalid_request");
        });
        assertThat(api.post("/v1/otp/" + otp + "/cancel", keys.test(), "{\"reason\":\"x\"}").status()).isEqualTo(400);
        assertThat(api.send(api.request("/v1/otp/" + otp + "/resend", keys.test())
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("new"))).status())
                .isEqualTo(415);
        JsonNode status = api.get("/v1/otp/" + otp, keys.test()).json();
        assertThat(status.get("sends").asInt()).isEqualTo(1);
        assertThat(status.get("status").asString()).isNotEqualTo("cancelled");
    }

    @Test
    void shouldReplayTheFirstAnswerWhenACancelIsRetriedWithItsIdempotencyKey() {
        Keys keys = newAccount();
        String otp = send(keys.test(), "+15005550001");
        HttpRequest.Builder cancel = api.request("/v1/otp/" + otp + "/cancel", keys.test())
                .header("Idempotency-Key", "cancel-" + otp).POST(HttpRequest.BodyPublishers.noBody());

        Api.Response first = api.send(cancel);
        Api.Response retried = api.send(cancel);

        assertThat(first.status()).isEqualTo(200);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.body()).isEqualTo(first.body());
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).contains("true");
    }
}
