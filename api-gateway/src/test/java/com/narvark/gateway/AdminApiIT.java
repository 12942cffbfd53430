package com.narvark.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.GatewayIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AdminApiIT extends GatewayIntegrationTest {

    @Test
    void shouldShowSecretsOnlyOnceWhenKeysAreIssued() {
        Keys keys = newAccount();
        assertThat(keys.test()).matches("nvk_test_sk_[0-9a-z]{32}");
        assertThat(keys.live()).matches("nvk_live_sk_[0-9a-z]{32}");

        Api.Response issued = api.post("/v1/admin/accounts/" + keys.accountId() + "/keys", ADMIN_TOKEN,
                "{\"environment\":\"live\"}");
        assertThat(issued.status()).isEqualTo(201);
        String secret = issued.text("secret");
        assertThat(api.get("/v1/otp/otp_00000000000000000000000000", secret).status()).isEqualTo(404);

        JsonNode listed = api.get("/v1/admin/accounts/" + keys.accountId() + "/keys", ADMIN_TOKEN).json().get("data");
        assertThat(listed.size()).isEqualTo(3);
        for (JsonNode key : listed) {
            assertThat(key.get("secret").isNull()).isTrue();
            assertThat(key.get("hint").asString()).endsWith("…");
        }
        assertThat(listed.toString()).doesNotContain(keys.live(), keys.test(), secret);
    }

    @Test
    void shouldRefuseWhenTheAdminTokenIsMissingOrWrong() {
        assertThat(api.post("/v1/admin/accounts", null, "{\"name\":\"x\"}").status()).isEqualTo(401);
        assertThat(api.post("/v1/admin/accounts", "wrong", "{\"name\":\"x\"}").status()).isEqualTo(401);
        Keys keys = newAccount();
        assertThat(api.post("/v1/admin/accounts", keys.live(), "{\"name\":\"x\"}").status()).isEqualTo(401);
    }

    @Test
    void shouldRefuseBadAdminRequestsWhenFieldsAreWrong() {
        assertThat(api.post("/v1/admin/accounts", ADMIN_TOKEN, "{\"name\":\"\"}").status()).isEqualTo(400);
        assertThat(api.post("/v1/admin/accounts", ADMIN_TOKEN, "{\"name\":5}").status()).isEqualTo(400);
        Keys keys = newAccount();
        assertThat(api.post("/v1/admin/accounts/" + keys.accountId() + "/keys", ADMIN_TOKEN,
                "{\"environment\":\"prod\"}").status()).isEqualTo(400);
        assertThat(api.post("/v1/admin/accounts/acct_nope/keys", ADMIN_TOKEN, "{\"environment\":\"live\"}").status())
                .isEqualTo(404);
        assertThat(api.delete("/v1/admin/keys/key_nope", ADMIN_TOKEN).status()).isEqualTo(404);
    }

    private Api.Response issue(String accountId, String environment) {
        return api.post("/v1/admin/accounts/" + accountId + "/keys", ADMIN_TOKEN,
                "{\"environment\":\"" + environment + "\"}");
    }

    @Test
    void shouldRefuseWithKeyLimitReachedWhenTheEnvironmentHoldsTwentyActiveKeys() {
        Keys keys = newAccount();
        for (int i = 0; i < 19; i++) {
            assertThat(issue(keys.accountId(), "test").status()).isEqualTo(201);
        }
        Api.Response refused = issue(keys.accountId(), "test");
        assertThat(refused.status()).isEqualTo(409);
        JsonNode error = refused.json().get("error");
        assertThat(error.get("code").asString()).isEqualTo("key_limit_reached");
        assertThat(error.get("message").asString()).contains("20 active test keys");
        // The one error shape: param is left out (Error is NON_NULL) as for every error not about one field.
        assertThat(error.path("param").isMissingNode()).isTrue();
        assertThat(refused.json().properties()).hasSize(1);
        // Live keys have an allowance of their own, and a revoked key makes room again.
        assertThat(issue(keys.accountId(), "live").status()).isEqualTo(201);
        String revoked = testKeys(keys.accountId()).get(0).get("id").asString();
        assertThat(api.delete("/v1/admin/keys/" + revoked, ADMIN_TOKEN).status()).isEqualTo(200);
        assertThat(issue(keys.accountId(), "test").status()).isEqualTo(201);
        assertThat(issue(keys.accountId(), "test").status()).isEqualTo(409);
    }

    @Test
    void shouldIssueOnlyOneKeyWhenParallelRequestsRaceForTheLastPlace() {
        Keys keys = newAccount();
        for (int i = 0; i < 18; i++) {
            assertThat(issue(keys.accountId(), "test").status()).isEqualTo(201);
        }
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Integer>> racing = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                racing.add(CompletableFuture.supplyAsync(() -> issue(keys.accountId(), "test").status(), clients));
            }
            List<Integer> statuses = racing.stream().map(CompletableFuture::join).toList();
            assertThat(statuses).containsOnly(201, 409).filteredOn(status -> status == 201).hasSize(1);
        } finally {
            clients.shutdownNow();
        }
        assertThat(testKeys(keys.accountId())).hasSize(20);
    }

    private List<JsonNode> testKeys(String accountId) {
        List<JsonNode> test = new ArrayList<>();
        api.get("/v1/admin/accounts/" + accountId + "/keys", ADMIN_TOKEN).json().get("data").forEach(key -> {
            if (!key.get("livemode").asBoolean()) {
                test.add(key);
            }
        });
        return test;
    }
}
