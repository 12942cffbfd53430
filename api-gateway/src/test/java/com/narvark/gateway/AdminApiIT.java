package com.narvark.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.GatewayIntegrationTest;
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
}
