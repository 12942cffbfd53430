package com.narvark.gateway.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.GatewayIntegrationTest;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A retry with the same Idempotency-Key after the first attempt's answer never arrived: the OTP committed, but the
 * record that would replay its answer is gone (a 5xx released it) or stuck in flight (its node died before writing
 * it). Faults are injected by putting the record in exactly the state each failure leaves behind. The retry must
 * answer the OTP that exists and never create a second one.
 */
class IdempotentRetryIT extends GatewayIntegrationTest {

    private static final String SEND = Api.json(Map.of("to", "+447911123456", "channel", "sms"));

    @Autowired
    private JdbcClient jdbc;

    @Test
    void shouldAnswerTheCommittedOtpWhenTheFirstAnswerWasA5xxAndItsRecordReleased() {
        Keys account = newAccount();
        Api.Response first = send(account.test(), "lost-answer", SEND);
        assertThat(first.status()).isEqualTo(200);
        // What a 5xx after the commit leaves: the OTP exists, its idempotency record was deleted.
        jdbc.sql("DELETE FROM gateway.idempotency_keys WHERE idempotency_key = 'lost-answer'").update();

        Api.Response retry = send(account.test(), "lost-answer", SEND);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.text("id")).isEqualTo(first.text("id"));
        assertThat(creations(account.accountId())).isEqualTo(1);
        assertThat(send(account.test(), "lost-answer", SEND).text("id")).isEqualTo(first.text("id"));
        assertThat(creations(account.accountId())).isEqualTo(1);
    }

    @Test
    void shouldAnswerTheCommittedOtpAtOnceWhenTheFirstAttemptsNodeDiedBeforeCompletingItsRecord() {
        Keys account = newAccount();
        Api.Response first = send(account.test(), "node-died", SEND);
        // What a node dying between the commit and the answer leaves: the OTP exists, the record is in flight.
        jdbc.sql("""
                UPDATE gateway.idempotency_keys SET state = 'in_flight', status = NULL, content_type = NULL,
                    sealed_body = NULL, created_at = now() WHERE idempotency_key = 'node-died'
                """).update();

        Api.Response retry = send(account.test(), "node-died", SEND);
        assertThat(retry.status()).as("no 409 while waiting for a dead node").isEqualTo(200);
        assertThat(retry.text("id")).isEqualTo(first.text("id"));
        assertThat(creations(account.accountId())).isEqualTo(1);
    }

    @Test
    void shouldTakeOverAndSendOnceWhenAnInFlightRecordIsOlderThanAnySendTakesAndNothingWasCommitted() {
        Keys account = newAccount();
        Api.Response issued = api.post("/v1/admin/accounts/" + account.accountId() + "/keys", ADMIN_TOKEN,
                "{\"environment\":\"test\"}");
        // Its node died before the commit: no OTP, and a record in flight for longer than any send runs.
        jdbc.sql("""
                INSERT INTO gateway.idempotency_keys (key_id, idempotency_key, fingerprint, state, created_at)
                VALUES (?, 'abandoned', ?, 'in_flight', now() - interval '11 seconds')
                """).params(issued.text("id"), IdempotencyKeys.fingerprint("POST", "/v1/otp/send",
                SEND.getBytes(StandardCharsets.UTF_8))).update();

        Api.Response retry = send(issued.text("secret"), "abandoned", SEND);
        assertThat(retry.status()).isEqualTo(200);
        Api.Response again = send(issued.text("secret"), "abandoned", SEND);
        assertThat(again.text("id")).isEqualTo(retry.text("id"));
        assertThat(creations(account.accountId())).isEqualTo(1);
    }

    @Test
    void shouldNameADifferentOtpWhenTheKeyOrTheRequestDiffers() {
        Keys account = newAccount();
        String a = send(account.test(), "name-a", SEND).text("id");
        String b = send(account.test(), "name-b", SEND).text("id");
        String c = send(newAccount().test(), "name-a", SEND).text("id");
        assertThat(a).isNotEqualTo(b).isNotEqualTo(c);
    }

    private Api.Response send(String key, String idempotencyKey, String body) {
        return api.send(api.request("/v1/otp/send", key).header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private long creations(String accountId) {
        return jdbc.sql("""
                SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%.OtpRequestedEvent'
                AND position(? IN convert_from(payload, 'UTF8')) > 0
                """).param("\"" + accountId + "\"").query(Long.class).single();
    }
}
