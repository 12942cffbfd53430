package com.narvark.gateway.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.GatewayIntegrationTest;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class IdempotencyIT extends GatewayIntegrationTest {

    private static final String SEND = Api.json(Map.of("to", "+447911123456", "channel", "sms"));

    @Autowired
    private JdbcClient jdbc;

    private Api.Response post(String path, String key, String idempotencyKey, String body) {
        return api.send(api.request(path, key).header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** OTPs stored for the account: the event store is written in the command's transaction, so this is exact. */
    private long storedOtps(String accountId) {
        return jdbc.sql("""
                SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%.OtpRequestedEvent'
                AND position(? IN convert_from(payload, 'UTF8')) > 0
                """).param("\"" + accountId + "\"").query(Long.class).single();
    }

    @Test
    void shouldReplayTheFirstAnswerWhenTheSameKeyComesWithTheSameBody() {
        Keys account = newAccount();
        Api.Response first = post("/v1/otp/send", account.test(), "order-1", SEND);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        Api.Response again = post("/v1/otp/send", account.test(), "order-1", SEND);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(again.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(storedOtps(account.accountId())).isEqualTo(1);
    }

    @Test
    void shouldRefuseWithMismatchWhenTheSameKeyComesWithAnotherBody() {
        Keys account = newAccount();
        assertThat(post("/v1/otp/send", account.test(), "order-2", SEND).status()).isEqualTo(200);
        String other = Api.json(Map.of("to", "+447911123457", "channel", "sms"));
        Api.Response mismatch = post("/v1/otp/send", account.test(), "order-2", other);
        assertThat(mismatch.status()).isEqualTo(422);
        assertThat(mismatch.json().get("error").get("code").asString()).isEqualTo("idempotency_mismatch");
        assertThat(mismatch.json().get("error").get("param").asString()).isEqualTo("Idempotency-Key");
        // Another route with the same key is another request too.
        assertThat(post("/v1/webhook_endpoints", account.test(), "order-2",
                Api.json(Map.of("url", "http://127.0.0.1:9/never"))).status()).isEqualTo(422);
        assertThat(storedOtps(account.accountId())).isEqualTo(1);
    }

    @Test
    void shouldKeepKeysApartWhenTwoApiKeysUseTheSameIdempotencyKey() {
        Keys account = newAccount();
        String email = Api.json(Map.of("to", "jane@example.com", "channel", "email"));
        String test = post("/v1/otp/send", account.test(), "shared", email).text("id");
        String live = post("/v1/otp/send", account.live(), "shared", email).text("id");
        assertThat(test).isNotEqualTo(live);
        assertThat(storedOtps(account.accountId())).isEqualTo(2);
    }

    @Test
    void shouldCreateExactlyOneOtpWhenTwentyIdenticalRequestsRace() throws Exception {
        Keys account = newAccount();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(20);
        List<Api.Response> answers = new ArrayList<>();
        try {
            List<Future<Api.Response>> sent = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                sent.add(clients.submit(() -> {
                    start.await();
                    return post("/v1/otp/send", account.test(), "race", SEND);
                }));
            }
            start.countDown();
            for (Future<Api.Response> answer : sent) {
                answers.add(answer.get());
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isIn(200, 409));
        assertThat(answers.stream().filter(a -> a.status() == 200).map(a -> a.text("id")).distinct()).hasSize(1);
        assertThat(answers.stream().filter(a -> a.status() == 409))
                .allSatisfy(a -> assertThat(a.json().get("error").get("code").asString())
                        .isEqualTo("idempotency_in_flight"));
        assertThat(storedOtps(account.accountId())).isEqualTo(1);
        Api.Response after = post("/v1/otp/send", account.test(), "race", SEND);
        assertThat(after.status()).isEqualTo(200);
        assertThat(storedOtps(account.accountId())).isEqualTo(1);
    }

    @Test
    void shouldAnswerConflictWhenTheFirstRequestIsStillInFlight() {
        Keys account = newAccount();
        Api.Response issued = api.post("/v1/admin/accounts/" + account.accountId() + "/keys", ADMIN_TOKEN,
                "{\"environment\":\"test\"}");
        // A first request that is still running: its record is claimed and not done.
        jdbc.sql("""
                INSERT INTO gateway.idempotency_keys (key_id, idempotency_key, fingerprint, state, created_at)
                VALUES (?, 'slow', ?, 'in_flight', now())
                """).params(issued.text("id"), IdempotencyKeys.fingerprint("POST", "/v1/otp/send",
                SEND.getBytes(StandardCharsets.UTF_8))).update();
        Api.Response busy = post("/v1/otp/send", issued.text("secret"), "slow", SEND);
        assertThat(busy.status()).isEqualTo(409);
        assertThat(busy.json().get("error").get("code").asString()).isEqualTo("idempotency_in_flight");
        assertThat(busy.headers().firstValue("Retry-After")).contains("1");
        assertThat(storedOtps(account.accountId())).isZero();
    }

    @Test
    void shouldReplayARefusalWhenTheFirstRequestWasInvalid() {
        Keys account = newAccount();
        String invalid = Api.json(Map.of("to", "+447911123456", "channel", "fax"));
        Api.Response first = post("/v1/otp/send", account.test(), "bad", invalid);
        assertThat(first.status()).isEqualTo(400);
        Api.Response again = post("/v1/otp/send", account.test(), "bad", invalid);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
    }

    @Test
    void shouldRefuseTheHeaderWhenItIsMalformed() {
        Keys account = newAccount();
        for (String key : List.of("x".repeat(256), "two words")) {
            Api.Response answer = post("/v1/otp/send", account.test(), key, SEND);
            assertThat(answer.status()).as(key).isEqualTo(400);
            assertThat(answer.json().get("error").get("param").asString()).isEqualTo("Idempotency-Key");
        }
        assertThat(storedOtps(account.accountId())).isZero();
    }

    @Test
    void shouldReplayTheEndpointWithoutStoringItsSecretWhenAWebhookEndpointIsCreatedTwice() {
        Keys account = newAccount();
        String body = Api.json(Map.of("url", "http://127.0.0.1:9/never"));
        Api.Response first = post("/v1/webhook_endpoints", account.test(), "endpoint-1", body);
        assertThat(first.status()).isEqualTo(201);
        Api.Response again = post("/v1/webhook_endpoints", account.test(), "endpoint-1", body);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.text("id")).isEqualTo(first.text("id"));
        assertThat(api.get("/v1/webhook_endpoints", account.test()).json().get("data").size()).isEqualTo(1);
        String secret = first.text("secret");
        List<byte[]> stored = jdbc.sql(
                        "SELECT sealed_body FROM gateway.idempotency_keys WHERE idempotency_key = 'endpoint-1'")
                .query(byte[].class).list();
        assertThat(stored).isNotEmpty().allSatisfy(sealed ->
                assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(secret, "whsec_"));
    }
}
