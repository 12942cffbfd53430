package com.narvark.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.GatewayIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RateLimitIT extends GatewayIntegrationTest {

    static final String UNKNOWN_OTP = "/v1/otp/otp_00000000000000000000000000";

    @Test
    void shouldPassAThousandRequestsAndRefuseTheNextWhenTheDefaultLimitIsSpent() throws Exception {
        String key = newAccount().live();
        long start = System.nanoTime();
        List<Api.Response> answers = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<Api.Response>> sent = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                sent.add(clients.submit(() -> api.get(UNKNOWN_OTP, key)));
            }
            for (Future<Api.Response> answer : sent) {
                answers.add(answer.get());
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(header(answer, "RateLimit-Limit")).isEqualTo(1000);
        });
        // GCRA refills one request every 60 ms, so those refilled while the thousand ran are left, and pass.
        long refilledDuringThousand = (System.nanoTime() - start) / 60_000_000L + 1;
        assertThat(answers.stream().mapToLong(answer -> header(answer, "RateLimit-Remaining")).min().orElseThrow())
                .isLessThanOrEqualTo(refilledDuringThousand);
        int extra = 0;
        Api.Response answer = api.get(UNKNOWN_OTP, key);
        while (answer.status() != 429 && extra < 1000) {
            extra++;
            answer = api.get(UNKNOWN_OTP, key);
        }
        long refilled = (System.nanoTime() - start) / 60_000_000L + 1;
        assertThat(extra).isLessThanOrEqualTo((int) refilled);
        assertRefused(answer, 1000, 1);
        assertThat(header(answer, "RateLimit-Reset")).isBetween(59L, 60L);
    }

    /** Minting keys buys no throughput: the account's allowance covers all its keys together. */
    @Test
    void shouldRefuseEveryKeyOfAnAccountWhenTheAccountsLimitIsSpent() {
        Keys account = newAccount();
        Api.Response set = api.post("/v1/admin/accounts/" + account.accountId() + "/rate_limit", ADMIN_TOKEN,
                "{\"requests_per_minute\":6}");
        assertThat(set.status()).isEqualTo(200);
        String second = api.post("/v1/admin/accounts/" + account.accountId() + "/keys", ADMIN_TOKEN,
                "{\"environment\":\"live\"}").text("secret");
        for (int i = 0; i < 3; i++) {
            assertThat(api.get(UNKNOWN_OTP, account.live()).status()).isEqualTo(404);
            assertThat(api.get(UNKNOWN_OTP, second).status()).isEqualTo(404);
        }
        Api.Response refused = api.get(UNKNOWN_OTP, second);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().path("error").path("message").asString()).contains("for this account");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(api.get(UNKNOWN_OTP, account.test()).status()).isEqualTo(429);
        assertThat(api.get(UNKNOWN_OTP, newAccount().live()).status()).isEqualTo(404);
    }

    @Test
    void shouldRefuseTheNextRequestWhenAKeysOwnLimitIsSpent() {
        Keys account = newAccount();
        Api.Response issued = api.post("/v1/admin/accounts/" + account.accountId() + "/keys", ADMIN_TOKEN,
                "{\"environment\":\"live\"}");
        Api.Response set = api.post("/v1/admin/keys/" + issued.text("id") + "/rate_limit", ADMIN_TOKEN,
                "{\"requests_per_minute\":3}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("requests_per_minute").asInt()).isEqualTo(3);
        String key = issued.text("secret");
        for (int remaining = 2; remaining >= 0; remaining--) {
            Api.Response answer = api.get(UNKNOWN_OTP, key);
            assertThat(answer.status()).isEqualTo(404);
            assertThat(header(answer, "RateLimit-Limit")).isEqualTo(3);
            assertThat(header(answer, "RateLimit-Remaining")).isEqualTo(remaining);
        }
        Api.Response refused = api.get(UNKNOWN_OTP, key);
        assertRefused(refused, 3, 19);
        assertThat(header(refused, "Retry-After")).isLessThanOrEqualTo(20);
        // The limit belongs to the key, not to an address the client claims, nor to the whole account.
        Api.Response forwarded = api.send(api.request(UNKNOWN_OTP, key).header("X-Forwarded-For", "203.0.113.9")
                .GET());
        assertRefused(forwarded, 3, 19);
        assertThat(api.get(UNKNOWN_OTP, account.live()).status()).isEqualTo(404);
    }

    @Test
    void shouldNotLimitWhenTheKeyIsUnlimited() {
        Keys account = newAccount();
        Api.Response issued = api.post("/v1/admin/accounts/" + account.accountId() + "/keys", ADMIN_TOKEN,
                "{\"environment\":\"test\"}");
        String path = "/v1/admin/keys/" + issued.text("id") + "/rate_limit";
        api.post(path, ADMIN_TOKEN, "{\"requests_per_minute\":1}");
        Api.Response set = api.post(path, ADMIN_TOKEN, "{\"unlimited\":true}");
        assertThat(set.json().get("unlimited").asBoolean()).isTrue();
        assertThat(set.json().get("requests_per_minute").isNull()).isTrue();
        for (int i = 0; i < 5; i++) {
            Api.Response answer = api.get(UNKNOWN_OTP, issued.text("secret"));
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.headers().firstValue("RateLimit-Limit")).isEmpty();
        }
        Api.Response reset = api.post(path, ADMIN_TOKEN, "{}");
        assertThat(reset.json().get("requests_per_minute").asInt()).isEqualTo(1000);
        assertThat(header(api.get(UNKNOWN_OTP, issued.text("secret")), "RateLimit-Limit")).isEqualTo(1000);
    }

    @Test
    void shouldRefuseBadRateLimitSettingsWhenFieldsAreWrong() {
        Keys account = newAccount();
        String keyId = api.post("/v1/admin/accounts/" + account.accountId() + "/keys", ADMIN_TOKEN,
                "{\"environment\":\"test\"}").text("id");
        String path = "/v1/admin/keys/" + keyId + "/rate_limit";
        for (String body : List.of("{\"requests_per_minute\":0}", "{\"requests_per_minute\":1000001}",
                "{\"requests_per_minute\":\"5\"}", "{\"requests_per_minute\":2.5}", "{\"unlimited\":\"yes\"}",
                "{\"unlimited\":true,\"requests_per_minute\":5}", "{\"burst\":5}", "[]")) {
            Api.Response answer = api.post(path, ADMIN_TOKEN, body);
            assertThat(answer.status()).as(body).isEqualTo(400);
        }
        assertThat(api.post("/v1/admin/keys/key_nope/rate_limit", ADMIN_TOKEN, "{}").status()).isEqualTo(404);
        assertThat(api.post(path, account.live(), "{\"unlimited\":true}").status()).isEqualTo(401);
    }

    static void assertRefused(Api.Response answer, int limit, long minRetryAfter) {
        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.json().get("error").get("code").asString()).isEqualTo("rate_limited");
        assertThat(header(answer, "RateLimit-Limit")).isEqualTo(limit);
        assertThat(header(answer, "RateLimit-Remaining")).isZero();
        assertThat(header(answer, "Retry-After")).isGreaterThanOrEqualTo(minRetryAfter);
    }

    static long header(Api.Response answer, String name) {
        return Long.parseLong(answer.headers().firstValue(name).orElseThrow(() -> new AssertionError(name)));
    }
}
