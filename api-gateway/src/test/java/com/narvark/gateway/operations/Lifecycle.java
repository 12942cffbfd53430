package com.narvark.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.Await;
import com.narvark.gateway.support.SandboxInbox;
import com.narvark.gateway.support.WebhookReceiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * One OTP's life and its neighbours, over HTTP, touching every meter: an account with a webhook endpoint, a send
 * the country allowlist refuses, a live email send (sandbox dispatch) verified wrong, right and again, a test-mode
 * WhatsApp send whose primary channel fails and whose SMS fallback delivers, and a key spending its rate limit.
 * {@link #secrets()} and {@link #identifiers()} are what must never show up in labels or logs.
 */
final class Lifecycle {

    static final String REFUSED_PHONE = "+33612345678";
    static final String FALLBACK_PHONE = "+15005550003";

    private final Api api;
    private final String adminToken;
    final List<String> secrets = new ArrayList<>();
    final List<String> identifiers = new ArrayList<>();
    String accountId;
    String liveKey;
    String testKey;
    String testKeyId;
    String otpId;
    String code;
    String email;

    Lifecycle(Api api, String adminToken) {
        this.api = api;
        this.adminToken = adminToken;
    }

    Lifecycle run(WebhookReceiver receiver) {
        createAccount();
        Api.Response endpoint = api.post("/v1/webhook_endpoints", liveKey,
                Api.json(Map.of("url", receiver.url("/hooks"), "events", List.of("*"))));
        assertThat(endpoint.status()).as(endpoint.toString()).isEqualTo(201);
        secrets.add(endpoint.text("secret"));
        assertThat(api.post("/v1/fraud_guard", liveKey, "{\"allowed_countries\":[\"GB\",\"GG\",\"IM\",\"JE\"]}")
                .status()).isEqualTo(200);
        assertThat(send(liveKey, REFUSED_PHONE, "sms", null).status()).isEqualTo(403);

        email = "ops-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        otpId = send(liveKey, email, "email", null).text("id");
        identifiers.add(otpId);
        code = SandboxInbox.code(api, liveKey, otpId);
        secrets.add(code);
        String wrong = code.equals("000000") ? "111111" : "000000";
        assertThat(verify(otpId, wrong).get("valid").asBoolean()).isFalse();
        assertThat(verify(otpId, code).get("valid").asBoolean()).isTrue();
        assertThat(verify(otpId, code).get("consumed").asBoolean()).isTrue();

        String fallback = send(testKey, FALLBACK_PHONE, "whatsapp", "sms").text("id");
        identifiers.add(fallback);
        awaitStatus(testKey, fallback, "delivered");
        Await.until(() -> receiver.accepted().isEmpty() ? null : true, Duration.ofSeconds(15));
        spendRateLimit();
        return this;
    }

    List<String> secrets() {
        return secrets;
    }

    /** Account, key, OTP ids and destinations: identifying, unbounded, never a label. */
    List<String> identifiers() {
        List<String> all = new ArrayList<>(identifiers);
        all.addAll(List.of(accountId, email, REFUSED_PHONE, FALLBACK_PHONE, REFUSED_PHONE.substring(1),
                FALLBACK_PHONE.substring(1)));
        all.addAll(secrets);
        return all;
    }

    private void createAccount() {
        Api.Response created = api.post("/v1/admin/accounts", adminToken, "{\"name\":\"operations\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        accountId = created.text("id");
        for (JsonNode key : created.json().get("keys")) {
            identifiers.add(key.get("id").asString());
            if (key.get("livemode").asBoolean()) {
                liveKey = key.get("secret").asString();
            } else {
                testKey = key.get("secret").asString();
                testKeyId = key.get("id").asString();
            }
        }
        secrets.addAll(List.of(liveKey, testKey, adminToken));
    }

    Api.Response send(String key, String to, String channel, String fallback) {
        Map<String, Object> body = fallback == null ? Map.of("to", to, "channel", channel)
                : Map.of("to", to, "channel", channel, "fallback", fallback);
        return api.post("/v1/otp/send", key, Api.json(body));
    }

    private JsonNode verify(String id, String attempt) {
        Api.Response answer = api.post("/v1/otp/verify", liveKey, Api.json(Map.of("id", id, "code", attempt)));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    void awaitStatus(String key, String id, String status) {
        Await.until(() -> status.equals(api.get("/v1/otp/" + id, key).text("status")) ? true : null,
                Duration.ofSeconds(15));
    }

    /** A limit of 1 a minute on the test key: the second request is refused. */
    private void spendRateLimit() {
        assertThat(api.post("/v1/admin/keys/" + testKeyId + "/rate_limit", adminToken,
                "{\"requests_per_minute\":1}").status()).isEqualTo(200);
        int refused = 0;
        for (int i = 0; i < 3; i++) {
            refused += api.get("/v1/otp/" + otpId, testKey).status() == 429 ? 1 : 0;
        }
        assertThat(refused).isPositive();
    }
}
