package com.narvark.gateway.otp;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.GatewayIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Send, deliver (sandbox), verify and read back, over HTTP against PostgreSQL. */
class OtpLifecycleIT extends GatewayIntegrationTest {

    private String send(String key, Map<String, Object> body) {
        Api.Response sent = api.post("/v1/otp/send", key, Api.json(body));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        return sent.text("id");
    }

    private String sendSms(String key) {
        return send(key, Map.of("to", "+447911123456", "channel", "sms", "metadata", Map.of("order", "42")));
    }

    private JsonNode verify(String key, String otpId, String code) {
        Api.Response answer = api.post("/v1/otp/verify", key, Api.json(Map.of("id", otpId, "code", code)));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    private JsonNode awaitStatus(String key, String otpId, String status) {
        return await(() -> {
            JsonNode otp = api.get("/v1/otp/" + otpId, key).json();
            return status.equals(otp.path("status").asString()) ? otp : null;
        }, Duration.ofSeconds(10));
    }

    @Test
    void shouldVerifyTheDeliveredCodeOnceWhenTheWalkthroughIsFollowed() {
        Keys keys = newAccount();
        Api.Response sent = api.post("/v1/otp/send", keys.live(),
                "{\"to\":\"+447911123456\",\"channel\":\"sms\",\"metadata\":{\"order\":\"42\"}}");
        assertThat(sent.status()).isEqualTo(200);
        JsonNode otp = sent.json();
        assertThat(otp.get("id").asString()).matches("otp_[0-9a-z]{26}");
        assertThat(otp.get("status").asString()).isEqualTo("pending");
        assertThat(otp.get("livemode").asBoolean()).isTrue();
        assertThat(otp.get("metadata").get("order").asString()).isEqualTo("42");
        assertThat(otp.toString()).doesNotContain("code\"");

        String otpId = otp.get("id").asString();
        String code = sandboxCode(keys.live(), otpId);
        // The sandbox carrier's acceptance is its delivery.
        awaitStatus(keys.live(), otpId, "delivered");

        JsonNode first = verify(keys.live(), otpId, code.substring(0, 3) + " " + code.substring(3));
        assertThat(first.get("valid").asBoolean()).isTrue();
        assertThat(first.get("consumed").asBoolean()).isTrue();
        assertThat(first.get("status").asString()).isEqualTo("verified");

        JsonNode second = verify(keys.live(), otpId, code);
        assertThat(second.get("valid").asBoolean()).isFalse();
        assertThat(second.get("consumed").asBoolean()).isTrue();

        JsonNode status = awaitStatus(keys.live(), otpId, "verified");
        assertThat(status.get("channels_tried").toString()).isEqualTo("[\"sms\"]");
        assertThat(status.get("verified_at").isNull()).isFalse();
        assertThat(status.get("dispatched_at").isNull()).isFalse();
        assertThat(status.get("attempts_used").asInt()).isEqualTo(1);
    }

    @Test
    void shouldRefuseTheRightCodeWhenSixWrongCodesCameFirst() {
        Keys keys = newAccount();
        String otpId = sendSms(keys.live());
        String code = sandboxCode(keys.live(), otpId);
        awaitStatus(keys.live(), otpId, "delivered");
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int attempt = 1; attempt <= 6; attempt++) {
            JsonNode answer = verify(keys.live(), otpId, wrong);
            assertThat(answer.get("valid").asBoolean()).isFalse();
            assertThat(answer.get("attempts_remaining").asInt()).isEqualTo(Math.max(0, 5 - attempt));
            assertThat(answer.get("status").asString()).isEqualTo(attempt >= 5 ? "locked" : "delivered");
        }
        JsonNode right = verify(keys.live(), otpId, code);
        assertThat(right.get("valid").asBoolean()).isFalse();
        assertThat(right.get("consumed").asBoolean()).isFalse();
        assertThat(right.get("status").asString()).isEqualTo("locked");
        assertThat(awaitStatus(keys.live(), otpId, "locked").get("locked_at").isNull()).isFalse();
    }

    @Test
    void shouldLockAfterTheOtpsOwnMaxAttemptsWhenSendSetIt() {
        Keys keys = newAccount();
        Api.Response sent = api.post("/v1/otp/send", keys.live(),
                Api.json(Map.of("to", "+447911123456", "channel", "sms", "max_attempts", 2)));
        assertThat(sent.json().get("attempts_remaining").asInt()).isEqualTo(2);
        String otpId = sent.text("id");
        String code = sandboxCode(keys.live(), otpId);
        assertThat(awaitStatus(keys.live(), otpId, "delivered").get("attempts_remaining").asInt()).isEqualTo(2);
        String wrong = code.equals("000000") ? "111111" : "000000";
        assertThat(verify(keys.live(), otpId, wrong).get("attempts_remaining").asInt()).isEqualTo(1);
        JsonNode last = verify(keys.live(), otpId, wrong);
        assertThat(last.get("attempts_remaining").asInt()).isZero();
        assertThat(last.get("status").asString()).isEqualTo("locked");
        assertThat(verify(keys.live(), otpId, code).get("valid").asBoolean()).isFalse();
    }

    @Test
    void shouldAcceptExactlyOneWhenTwentyVerifiesOfTheRightCodeRace() throws Exception {
        Keys keys = newAccount();
        String otpId = sendSms(keys.live());
        String code = sandboxCode(keys.live(), otpId);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<JsonNode>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return verify(keys.live(), otpId, code);
            }));
        }
        start.countDown();
        int valid = 0;
        for (Future<JsonNode> answer : answers) {
            JsonNode json = answer.get();
            valid += json.get("valid").asBoolean() ? 1 : 0;
            assertThat(json.get("consumed").asBoolean()).isTrue();
        }
        pool.shutdown();
        assertThat(valid).isEqualTo(1);
    }

    @Test
    void shouldSimulateDeliveryAndAcceptTheDocumentedCodeWhenTheTestKeyIsUsed() {
        Keys keys = newAccount();
        String otpId = send(keys.test(), Map.of("to", "jane@example.com", "channel", "email", "code_length", 8));
        JsonNode delivered = awaitStatus(keys.test(), otpId, "delivered");
        assertThat(delivered.get("livemode").asBoolean()).isFalse();
        assertThat(api.get("/v1/sandbox/messages?otp_id=" + otpId, keys.test()).json().get("data")).isEmpty();
        JsonNode answer = verify(keys.test(), otpId, "1234-5678");
        assertThat(answer.get("valid").asBoolean()).isTrue();
    }

    @Test
    void shouldAnswerNotFoundWhenAnotherAccountOrEnvironmentAsks() {
        Keys owner = newAccount();
        Keys stranger = newAccount();
        String otpId = sendSms(owner.live());
        String code = sandboxCode(owner.live(), otpId);
        for (String key : List.of(stranger.live(), stranger.test(), owner.test())) {
            Api.Response status = api.get("/v1/otp/" + otpId, key);
            assertThat(status.status()).isEqualTo(404);
            assertThat(status.json().get("error").get("code").asString()).isEqualTo("not_found");
            Api.Response verify = api.post("/v1/otp/verify", key, Api.json(Map.of("id", otpId, "code", code)));
            assertThat(verify.status()).isEqualTo(404);
            assertThat(verify.body()).isEqualTo(status.body());
            assertThat(api.get("/v1/sandbox/messages?otp_id=" + otpId, key).json().get("data")).isEmpty();
        }
        JsonNode stillOpen = verify(owner.live(), otpId, code);
        assertThat(stillOpen.get("valid").asBoolean()).isTrue();
    }

    @Test
    void shouldAnswerNotFoundWhenTheIdIsUnknownOrMalformed() {
        Keys keys = newAccount();
        Api.Response unknown = api.get("/v1/otp/otp_00000000000000000000000000", keys.live());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(api.get("/v1/otp/otp_'or1=1", keys.live()).status()).isEqualTo(404);
        // No route takes a percent-encoded path: the firewall refuses it before any lookup.
        assertThat(api.get("/v1/otp/'%20OR%201=1", keys.live()).status()).isEqualTo(400);
        Api.Response verifyUnknown = api.post("/v1/otp/verify", keys.live(),
                "{\"id\":\"otp_00000000000000000000000000\",\"code\":\"123456\"}");
        assertThat(verifyUnknown.status()).isEqualTo(404);
        assertThat(verifyUnknown.json().get("error").get("code").asString()).isEqualTo("not_found");
    }
}
