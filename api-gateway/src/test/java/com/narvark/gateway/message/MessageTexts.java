package com.narvark.gateway.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.Await;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;

/** Sends over the API and reads back what the sandbox carrier received. */
final class MessageTexts {

    private final Api api;

    MessageTexts(Api api) {
        this.api = api;
    }

    /** A fresh mobile number of the country ({@code +34 6…}, {@code +44 7911…}): no guard sees another test's. */
    static String mobile(String country) {
        int tail = ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        return switch (country) {
            case "ES" -> "+34612" + tail;
            case "BR" -> "+5511987" + tail;
            case "DE" -> "+4915112" + tail;
            case "CH" -> "+4179123" + tail / 100;
            default -> "+4479112" + tail / 10;
        };
    }

    Api.Response send(String key, Map<String, Object> body) {
        return api.post("/v1/otp/send", key, Api.json(body));
    }

    String sent(String key, Map<String, Object> body) {
        Api.Response sent = send(key, body);
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        return sent.text("id");
    }

    /** The text of the OTP's newest sandbox message, once it arrived. */
    String text(String liveKey, String otpId) {
        return Await.until(() -> {
            JsonNode data = api.get("/v1/sandbox/messages?otp_id=" + otpId, liveKey).json().get("data");
            return data.isEmpty() ? null : data.get(data.size() - 1).get("text").asString();
        }, Duration.ofSeconds(10));
    }

    JsonNode status(String key, String otpId) {
        return api.get("/v1/otp/" + otpId, key).json();
    }

    static void assertInvalid(Api.Response answer, String param) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.json().path("error").path("code").asString()).isEqualTo("invalid_request");
        assertThat(answer.json().path("error").path("param").asString()).as(answer.toString()).isEqualTo(param);
    }
}
