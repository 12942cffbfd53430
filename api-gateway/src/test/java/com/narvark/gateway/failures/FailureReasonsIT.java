package com.narvark.gateway.failures;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.GatewayIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The failure taxonomy over HTTP, driven by the test environment's magic destinations: the status (per OTP and per
 * attempt), the event history and the failure analytics all name the same reason and carrier error.
 */
class FailureReasonsIT extends GatewayIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private String send(String key, String to, String channel, String fallback) {
        String body = "{\"to\":\"" + to + "\",\"channel\":\"" + channel + "\""
                + (fallback == null ? "" : ",\"fallback\":\"" + fallback + "\"") + "}";
        var sent = api.post("/v1/otp/send", key, body);
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        return sent.text("id");
    }

    private JsonNode awaitStatus(String key, String otpId, String status) {
        return await(() -> {
            JsonNode otp = api.get("/v1/otp/" + otpId, key).json();
            return status.equals(otp.get("status").asString()) ? otp : null;
        }, WAIT);
    }

    @Test
    void shouldReportTheScriptedReasonAndCarrierErrorWhenEveryChannelFails() {
        Keys keys = newAccount();
        String otpId = send(keys.test(), "+15005550010", "sms", null);

        JsonNode failed = awaitStatus(keys.test(), otpId, "failed");
        assertThat(failed.get("failure_reason").asString()).isEqualTo("invalid_destination");
        assertThat(failed.get("carrier_error").asString()).isEqualTo("simulator:invalid_destination");
        assertThat(failed.get("parts").asInt()).isZero();
        JsonNode attempt = failed.get("delivery_attempts").get(0);
        assertThat(attempt.get("attempt").asInt()).isZero();
        assertThat(attempt.get("channel").asString()).isEqualTo("sms");
        assertThat(attempt.get("status").asString()).isEqualTo("failed");
        assertThat(attempt.get("failure_reason").asString()).isEqualTo("invalid_destination");

        JsonNode history = await(() -> {
            JsonNode events = api.get("/v1/otp/" + otpId + "/events", keys.test()).json().get("data");
            return events.size() >= 3 ? events : null;
        }, WAIT);
        assertThat(history.get(1).get("type").asString()).isEqualTo("otp.delivery_failed");
        assertThat(history.get(1).get("data").get("failure_reason").asString()).isEqualTo("invalid_destination");
        assertThat(history.get(2).get("type").asString()).isEqualTo("otp.failed");
        assertThat(history.get(2).get("data").get("carrier_error").asString())
                .isEqualTo("simulator:invalid_destination");
    }

    @Test
    void shouldNameEveryReasonOfTheTaxonomyWhenTheMagicAddressesAreUsed() {
        Keys keys = newAccount();
        List<String> reasons = List.of("invalid_destination", "unreachable", "blocked", "country_not_supported",
                "content_rejected", "rate_limited", "carrier_timeout", "carrier_unavailable", "carrier_error");
        List<String> ids = new ArrayList<>();
        reasons.forEach(reason -> ids.add(send(keys.test(), reason + "@narvark.test", "email", null)));
        for (int i = 0; i < reasons.size(); i++) {
            assertThat(awaitStatus(keys.test(), ids.get(i), "failed").get("failure_reason").asString())
                    .isEqualTo(reasons.get(i));
        }
    }

    @Test
    void shouldShowTheFailedPrimaryBesideTheDeliveredFallbackWhenTheFallbackWorks() {
        Keys keys = newAccount();
        String otpId = send(keys.test(), "+15005550003", "whatsapp", "sms");

        JsonNode delivered = awaitStatus(keys.test(), otpId, "delivered");
        assertThat(delivered.get("failure_reason").isNull()).isTrue();
        assertThat(delivered.get("parts").asInt()).isEqualTo(1);
        JsonNode attempts = delivered.get("delivery_attempts");
        assertThat(attempts.get(0).get("status").asString()).isEqualTo("failed");
        assertThat(attempts.get(0).get("failure_reason").asString()).isEqualTo("unreachable");
        assertThat(attempts.get(0).get("carrier_error").asString()).isEqualTo("simulator:unreachable");
        assertThat(attempts.get(1).get("channel").asString()).isEqualTo("sms");
        assertThat(attempts.get(1).get("status").asString()).isEqualTo("delivered");
        assertThat(attempts.get(1).get("parts").asInt()).isEqualTo(1);
        assertThat(attempts.get(1).get("encoding").asString()).isEqualTo("gsm7");
    }

    @Test
    void shouldCountFailuresPerChannelCountryAndReasonWhenAnalyticsAreAsked() {
        Keys keys = newAccount();
        String blocked = send(keys.test(), "+15005550012", "sms", null);
        String fellBack = send(keys.test(), "+15005550003", "whatsapp", "sms");
        awaitStatus(keys.test(), blocked, "failed");
        awaitStatus(keys.test(), fellBack, "delivered");

        JsonNode buckets = await(() -> {
            JsonNode data = api.get("/v1/analytics/failures", keys.test()).json().get("data");
            return data.size() >= 2 ? data : null;
        }, WAIT);
        assertThat(buckets).hasSize(2);
        List<String> rows = new ArrayList<>();
        buckets.forEach(b -> rows.add(b.get("channel").asString() + " " + b.get("country").asString() + " "
                + b.get("failure_reason").asString() + " " + b.get("failed_attempts").asLong() + " "
                + b.get("failed_otps").asLong()));
        assertThat(rows).containsExactlyInAnyOrder("sms US blocked 1 1", "whatsapp US unreachable 1 0");
        assertThat(api.get("/v1/analytics/failures", keys.live()).json().get("data")).isEmpty();
        assertThat(api.get("/v1/analytics/failures?from=2026-12-02&to=2026-12-01", keys.test()).status())
                .isEqualTo(400);
    }
}
