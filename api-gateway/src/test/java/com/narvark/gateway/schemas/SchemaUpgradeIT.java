package com.narvark.gateway.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.narvark.accounts.ApiKeys;
import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.Nodes;
import com.narvark.gateway.support.TestDatabase;
import com.narvark.otp.api.OtpId;
import java.security.SecureRandom;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An installation upgrading: its database was migrated by the legacy chain alone (every table in public, its history
 * in public.flyway_schema_history) and holds rows. The start-up migration of this version moves each module's tables
 * into its schema with their rows, keys, foreign keys and triggers, and the service serves those rows.
 */
class SchemaUpgradeIT {

    private static final String ACCOUNT = "acct_upgraded";
    private static final String OTP = OtpId.generate(new SecureRandom());

    @Test
    void shouldMoveEveryTableWithItsRowsWhenADatabaseOfTheLegacyChainStarts() {
        String url = TestDatabase.jdbcUrl("schema-upgrade");
        String key = ApiKeys.generate(true, new SecureRandom());
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").load().migrate();
        insertRowsAsTheLegacyLayoutHadThem(JdbcClient.create(new DriverManagerDataSource(url)), key);

        try (ConfigurableApplicationContext node = Nodes.start(Map.of("spring.datasource.url", url))) {
            JdbcClient jdbc = node.getBean(JdbcClient.class);
            SchemaCatalog catalog = new SchemaCatalog(jdbc);
            assertThat(catalog.relations()).containsExactlyInAnyOrderElementsOf(ExpectedLayout.relations());
            assertThat(catalog.appliedVersions("public")).containsExactlyElementsOf(
                    ExpectedLayout.scriptVersions().get("public"));
            for (String table : new String[] {"accounts.accounts", "accounts.api_keys", "gateway.fraud_guard_policies",
                    "otp_query.otp_analytics_daily"}) {
                assertThat(rows(jdbc, table, "account_id", ACCOUNT)).as(table).isEqualTo(1);
            }
            for (String table : new String[] {"otp_query.otp_status", "otp_command.guard_destination_sends",
                    "otp_delivery.carrier_messages", "otp_webhooks.webhook_otps"}) {
                assertThat(rows(jdbc, table, "otp_id", OTP)).as(table).isEqualTo(1);
            }
            // Foreign keys across schemas hold: they refer to the moved tables by identity.
            assertThatThrownBy(() -> jdbc.sql("INSERT INTO gateway.fraud_guard_policies (account_id, livemode, "
                    + "allowed_countries, monitor_only, updated_at) VALUES ('acct_missing', true, '{}', false, now())")
                    .update()).isInstanceOf(DataIntegrityViolationException.class);
            assertThat(catalog.triggerFunctionSchemas("accounts.api_keys")).containsExactly("accounts");

            Api api = Nodes.api(node);
            Api.Response status = api.get("/v1/otp/" + OTP, key);
            assertThat(status.status()).isEqualTo(200);
            assertThat(status.text("status")).isEqualTo("pending");
            assertThat(status.text("to")).isEqualTo("+447911123456");
            assertThat(api.get("/v1/fraud_guard", key).json().get("allowed_countries").toString())
                    .isEqualTo("[\"GB\"]");
        }
    }

    private static long rows(JdbcClient jdbc, String table, String column, String value) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + column + " = ?").param(value).query(Long.class)
                .single();
    }

    /** One row per module (and a row the view counts), written by name into public, as the legacy code wrote them. */
    private static void insertRowsAsTheLegacyLayoutHadThem(JdbcClient legacy, String key) {
        legacy.sql("INSERT INTO accounts (account_id, name, created_at) VALUES (?, 'Upgraded Ltd', now())")
                .param(ACCOUNT).update();
        legacy.sql("""
                        INSERT INTO api_keys (key_id, account_id, livemode, key_hash, key_hint, created_at)
                        VALUES ('key_upgraded', ?, true, ?, ?, now())
                        """).params(ACCOUNT, ApiKeys.hash(key), ApiKeys.hint(key)).update();
        legacy.sql("""
                        INSERT INTO fraud_guard_policies (account_id, livemode, allowed_countries, monitor_only,
                                                          updated_at)
                        VALUES (?, true, '{GB}', false, now())
                        """).param(ACCOUNT).update();
        legacy.sql("""
                        INSERT INTO otp_status (otp_id, account_id, livemode, status, to_address, channel, fallback,
                            channels_tried, code_length, attempts_used, attempts_remaining, metadata, created_at,
                            expires_at, last_sequence)
                        VALUES (?, ?, true, 'pending', '+447911123456', 'sms', '{}', '{sms}', 6, 0, 5, '{}', now(),
                            now() + interval '5 minutes', 0)
                        """).params(OTP, ACCOUNT).update();
        legacy.sql("""
                        INSERT INTO otp_analytics (otp_id, account_id, livemode, sent_day, channel, country, sent_at,
                                                   channel_count)
                        VALUES (?, ?, true, current_date, 'sms', 'GB', now(), 1)
                        """).params(OTP, ACCOUNT).update();
        legacy.sql("INSERT INTO guard_destination_sends (otp_id, destination_hash, sent_at) VALUES (?, '\\x00', now())")
                .param(OTP).update();
        legacy.sql("""
                        INSERT INTO carrier_messages (provider, carrier_message_id, otp_id, attempt, channel,
                                                      accepted_at)
                        VALUES ('sandbox', 'sbx_upgraded', ?, 0, 'sms', now())
                        """).param(OTP).update();
        legacy.sql("""
                        INSERT INTO webhook_otps (otp_id, account_id, livemode, to_address, channel, metadata)
                        VALUES (?, ?, true, '+447911123456', 'sms', '{}')
                        """).params(OTP, ACCOUNT).update();
    }
}
