package com.narvark.gateway.ratelimit;

import static com.narvark.gateway.ratelimit.RateLimitIT.UNKNOWN_OTP;
import static com.narvark.gateway.ratelimit.RateLimitIT.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.GatewayIntegrationTest;
import com.narvark.gateway.support.Nodes;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** This test's gateway and a second node started beside it, both on the one database, share one key's bucket. */
class RateLimitAcrossNodesIT extends GatewayIntegrationTest {

    @Test
    void shouldShareOneBucketWhenTwoNodesServeTheSameKey() {
        Keys account = newAccount();
        Api.Response issued = api.post("/v1/admin/accounts/" + account.accountId() + "/keys", ADMIN_TOKEN,
                "{\"environment\":\"live\"}");
        api.post("/v1/admin/keys/" + issued.text("id") + "/rate_limit", ADMIN_TOKEN, "{\"requests_per_minute\":10}");
        String key = issued.text("secret");
        try (ConfigurableApplicationContext node = Nodes.start()) {
            Api other = Nodes.api(node);
            for (int i = 0; i < 5; i++) {
                assertThat(api.get(UNKNOWN_OTP, key).status()).isEqualTo(404);
                assertThat(other.get(UNKNOWN_OTP, key).status()).isEqualTo(404);
            }
            assertRefused(other.get(UNKNOWN_OTP, key), 10, 1);
            assertRefused(api.get(UNKNOWN_OTP, key), 10, 1);
        }
    }
}
