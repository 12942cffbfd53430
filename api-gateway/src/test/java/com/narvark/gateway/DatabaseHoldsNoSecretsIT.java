package com.narvark.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.GatewayIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A dump of the database reveals no code, no API key and no webhook secret: every row of every table, as text
 * (bytea as hex), is searched for each secret, plain and hex-encoded (and for a webhook secret's raw key bytes).
 */
class DatabaseHoldsNoSecretsIT extends GatewayIntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    @Test
    void shouldFindNoCodeNoKeyAndNoWebhookSecretWhenEveryTableIsSearched() {
        List<String> secrets = new ArrayList<>();
        List<String> webhookKeysHex = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Keys keys = newAccount();
            secrets.add(keys.live());
            secrets.add(keys.test());
            // The endpoint's URL is never called: the account sends only live OTPs, this endpoint takes test events.
            String webhookSecret = api.post("/v1/webhook_endpoints", keys.test(),
                    Api.json(Map.of("url", "http://127.0.0.1:9/never"))).text("secret");
            secrets.add(webhookSecret);
            webhookKeysHex.add(HexFormat.of().formatHex(
                    java.util.Base64.getDecoder().decode(webhookSecret.substring("whsec_".length()))));
            Map<String, Object> body = Map.of("to", "jane" + i + "@example.com", "channel", "email",
                    "code_length", 8);
            String otpId = api.post("/v1/otp/send", keys.live(), Api.json(body)).text("id");
            String code = sandboxCode(keys.live(), otpId);
            secrets.add(code);
            api.post("/v1/otp/verify", keys.live(), Api.json(Map.of("id", otpId, "code", code)));
            await(() -> "verified".equals(api.get("/v1/otp/" + otpId, keys.live()).text("status")),
                    java.time.Duration.ofSeconds(10));
        }
        // Every schema's tables: the framework's in public, each module's in its own.
        List<String> tables = jdbc.sql("""
                        SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) FROM pg_tables
                        WHERE schemaname NOT IN ('pg_catalog', 'information_schema')
                        """).query(String.class).list();
        assertThat(tables).contains("public.domainevententry", "otp_query.otp_status", "otp_delivery.sandbox_messages",
                "accounts.api_keys", "otp_webhooks.webhook_endpoints", "gateway.idempotency_keys");
        StringBuilder dump = new StringBuilder();
        for (String table : tables) {
            jdbc.sql("SELECT t::text FROM " + table + " t").query(String.class).list()

                    .forEach(row -> dump.append(row).append('\n'));
        }
        String text = dump.toString().toLowerCase();
        for (String secret : secrets) {
            String hex = HexFormat.of().formatHex(secret.getBytes(StandardCharsets.US_ASCII));
            assertThat(text).as("plain %s", secret.substring(0, 4)).doesNotContain(secret.toLowerCase());
            assertThat(text).as("hex-encoded %s", secret.substring(0, 4)).doesNotContain(hex);
        }
        assertThat(webhookKeysHex).hasSize(3).noneMatch(text::contains);
    }
}
