package com.narvark.gateway.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.GatewayIntegrationTest;
import com.narvark.otp.api.crypto.SecretCipher;
import java.io.IOException;
import java.util.Map;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The portal's answers to the security review: key limit. */
class PortalHardeningIT extends GatewayIntegrationTest {

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private SecretCipher cipher;
    @Autowired
    private QueryGateway queries;
    private PortalMailbox mailbox;
    private PortalFlows flows;

    @BeforeEach
    void mailbox() throws IOException {
        mailbox = new PortalMailbox(jdbc, cipher, queries);
        flows = new PortalFlows(port, jdbc, mailbox);
        flows.forgetRecentSubmissions();
    }

    @AfterEach
    void closeMailbox() {
        mailbox.close();
    }

    private long unrevokedTestKeys(String accountId) {
        return jdbc.sql("SELECT count(*) FROM api_keys WHERE account_id = ? AND NOT livemode AND revoked_at IS NULL")
                .param(accountId).query(Long.class).single();
    }

    @Test
    void shouldRefuseANewKeyButStillRollOneWhenTheConsoleEnvironmentHoldsTwentyKeys() {
        String email = PortalFlows.newEmail();
        Browser member = flows.member(email);
        String accountId = flows.accountOf(email);
        for (int i = 0; i < 19; i++) {
            assertThat(api.post("/v1/admin/accounts/" + accountId + "/keys", ADMIN_TOKEN,
                    "{\"environment\":\"test\"}").status()).isEqualTo(201);
        }
        String csrf = member.get("/portal/console").csrf();

        Browser.Page refused = member.post("/portal/console/keys", Map.of("csrf", csrf, "environment", "test"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("Key limit reached", "20 active test keys", "role=\"alert\"");
        assertThat(PortalFlows.SECRET.matcher(refused.body()).find()).isFalse();
        assertThat(unrevokedTestKeys(accountId)).isEqualTo(20);

        String oldKey = jdbc.sql("SELECT key_id FROM api_keys WHERE account_id = ? AND NOT livemode "
                + "AND revoked_at IS NULL ORDER BY created_at LIMIT 1").param(accountId).query(String.class).single();
        Browser.Page rolled = member.post("/portal/console/keys/" + oldKey + "/roll", Map.of("csrf", csrf));
        assertThat(rolled.status()).as(rolled.body()).isEqualTo(200);
        assertThat(PortalFlows.SECRET.matcher(rolled.body()).find()).isTrue();
        assertThat(unrevokedTestKeys(accountId)).isEqualTo(20);
        assertThat(jdbc.sql("SELECT revoked_at IS NOT NULL FROM api_keys WHERE key_id = ?").param(oldKey)
                .query(Boolean.class).single()).isTrue();
        // The other environment has its own allowance.
        assertThat(member.post("/portal/console/keys", Map.of("csrf", csrf, "environment", "live")).status())
                .isEqualTo(200);
    }
}
