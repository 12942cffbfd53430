package com.narvark.gateway.otp;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.GatewayIntegrationTest;
import java.net.http.HttpRequest;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Hostile requests get a documented 4xx, never a 500, and change nothing. */
class OtpRequestValidationIT extends GatewayIntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    private long storedOtps() {
        // Only sends create OTPs; receipts of earlier tests' OTPs may still be arriving meanwhile.
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%.OtpRequestedEvent'")
                .query(Long.class).single();
    }

    private static List<String> allowed(Api.Response response) {
        return response.headers().allValues("Allow").stream().flatMap(v -> Arrays.stream(v.split(",\\s*"))).toList();
    }

    private static void assertError(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        JsonNode error = response.json().get("error");
        assertThat(error.get("code").asString()).isEqualTo(code);
        assertThat(error.get("message").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception", "org.", "SQL", "at com.");
    }

    @Test
    void shouldRefuseEveryMalformedSendWhenTheBodyBreaksTheContract() {
        Keys keys = newAccount();
        long before = storedOtps();
        List<String> bodies = List.of("{", "", "[]", "\"sms\"", "null", "{\"to\":\"+447911123456\"}",
                "{\"channel\":\"sms\"}",
                "{\"to\":\"+447911123456\",\"channel\":\"fax\"}",
                "{\"to\":\"+447911123456\",\"channel\":[\"sms\"]}",
                "{\"to\":{\"n\":1},\"channel\":\"sms\"}",
                "{\"to\":\"+447911123456\",\"channel\":\"sms\",\"ttl\":\"300\"}",
                "{\"to\":\"+447911123456\",\"channel\":\"sms\",\"ttl\":59}",
                "{\"to\":\"+447911123456\",\"channel\":\"sms\",\"ttl\":86401}",
                "{\"to\":\"+447911123456\",\"channel\":\"sms\",\"ttl\":300.5}",
                "{\"to\":\"+447911123456\",\"channel\":\"sms\",\"ttl\":1e400}",
                "{\"to\":\"+447911123456\",\"channel\":\"sms\",\"ttl\":123456789012345678901234567890}",
                "{\"to\":\"+447911123456\",\"channel\":\"sms\",\"code_length\":5}",
                "{\"to\":\"+447911123456\",\"channel\":\"sms\",\"code_length\":12}",
                "{\"to\":\"+447911123456\",\"channel\":\"sms\",\"template\":\"otp_verification\"}",
                "{\"to\":\"+447911123456\",\"channel\":\"sms\",\"fallback\":\"email\"}",
                "{\"to\":\"+447911123456\",\"channel\":\"sms\",\"fallback\":\"sms\"}",
                "{\"to\":\"+447911123456\",\"channel\":\"email\"}",
                "{\"to\":\"jane@example.com\",\"channel\":\"sms\"}",
                "{\"to\":\"+1 555 0100\",\"channel\":\"sms\"}",
                "{\"to\":\"+447911123456\",\"channel\":\"sms\",\"metadata\":\"x\"}",
                "{\"to\":\"+447911123456\",\"channel\":\"sms\",\"metadata\":{\"a\":1}}",
                "{\"to\":\"+447911123456\",\"channel\":\"sms\",\"metadata\":{\"k1\":\"v\",\"k2\":\"v\",\"k3\":\"v\","
                        + "\"k4\":\"v\",\"k5\":\"v\",\"k6\":\"v\",\"k7\":\"v\",\"k8\":\"v\",\"k9\":\"v\",\"k10\":\"v\","
                        + "\"k11\":\"v\"}}",
                "{\"to\":\"+447911123456\",\"channel\":\"sms\",\"unknown\":true}");
        for (String body : bodies) {
            assertError(api.post("/v1/otp/send", keys.live(), body), 400, "invalid_request");
        }
        assertThat(storedOtps()).isEqualTo(before);
    }

    @Test
    void shouldNameTheParamWhenAFieldIsOutOfRange() {
        Keys keys = newAccount();
        Api.Response answer = api.post("/v1/otp/send", keys.test(),
                "{\"to\":\"+447911123456\",\"channel\":\"sms\",\"ttl\":30}");
        assertError(answer, 400, "invalid_request");
        assertThat(answer.json().get("error").get("param").asString()).isEqualTo("ttl");
        assertThat(answer.json().get("error").get("message").asString()).isEqualTo("ttl must be between 60 and 86400");
    }

    @Test
    void shouldRefuseMalformedVerifiesWhenIdOrCodeIsBad() {
        Keys keys = newAccount();
        for (String body : List.of("{", "{}", "{\"id\":\"otp_x\",\"code\":\"123456\"}",
                "{\"id\":\"otp_00000000000000000000000000\"}",
                "{\"id\":\"otp_00000000000000000000000000\",\"code\":123456}",
                "{\"id\":\"otp_00000000000000000000000000\",\"code\":\"12a456\"}",
                "{\"id\":\"otp_00000000000000000000000000\",\"code\":\" - \"}",
                "{\"id\":\"otp_00000000000000000000000000\",\"code\":\"123456\",\"extra\":1}")) {
            assertError(api.post("/v1/otp/verify", keys.live(), body), 400, "invalid_request");
        }
    }

    @Test
    void shouldAnswerUnauthorizedWhenTheKeyIsMissingMalformedUnknownOrRevoked() {
        Keys keys = newAccount();
        String body = "{\"to\":\"+447911123456\",\"channel\":\"sms\"}";
        assertError(api.post("/v1/otp/send", null, body), 401, "unauthorized");
        assertError(api.post("/v1/otp/send", "nvk_live_sk_short", body), 401, "unauthorized");
        assertError(api.post("/v1/otp/send", "nvk_live_sk_" + "a".repeat(32), body), 401, "unauthorized");
        assertError(api.post("/v1/otp/send", keys.live().replace("nvk_live", "nvk_test"), body), 401,
                "unauthorized");
        assertError(api.send(api.request("/v1/otp/send", null).header("Authorization", "Basic " + keys.live())
                .POST(HttpRequest.BodyPublishers.ofString(body))), 401, "unauthorized");

        String keyId = null;
        for (JsonNode key : api.get("/v1/admin/accounts/" + keys.accountId() + "/keys", ADMIN_TOKEN).json()
                .get("data")) {
            keyId = key.get("livemode").asBoolean() ? key.get("id").asString() : keyId;
        }
        assertThat(api.delete("/v1/admin/keys/" + keyId, ADMIN_TOKEN).status()).isEqualTo(200);
        assertError(api.post("/v1/otp/send", keys.live(), body), 401, "unauthorized");
        assertThat(api.post("/v1/otp/send", keys.test(), body).status()).isEqualTo(200);
    }

    @Test
    void shouldAnswerWithTheErrorShapeWhenTheRouteOrMethodIsWrong() {
        Keys keys = newAccount();
        assertError(api.get("/v1/nothing-here", keys.live()), 404, "not_found");
        assertError(api.get("/v1/otp/send", keys.live()), 404, "not_found");
        Api.Response put = api.send(api.request("/v1/otp/verify", keys.live())
                .PUT(HttpRequest.BodyPublishers.ofString("{}")));
        assertError(put, 405, "invalid_request");
        // RFC 9110: a 405 names the methods the path takes (GET too here: /v1/otp/{id} matches "verify").
        assertThat(allowed(put)).containsExactlyInAnyOrder("GET", "POST");
        Api.Response delete = api.delete("/v1/webhook_endpoints", keys.live());
        assertError(delete, 405, "invalid_request");
        assertThat(allowed(delete)).containsExactlyInAnyOrder("GET", "POST");
        assertError(api.send(api.request("/v1/otp/send", keys.live()).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("to=x"))), 415, "invalid_request");
        assertError(api.get("/v1/sandbox/messages", keys.live()), 400, "invalid_request");
        assertError(api.post("/v1/otp/send", keys.live(), "{\"to\":\"" + "9".repeat(100_000) + "\"}"), 413,
                "payload_too_large");
    }
}
