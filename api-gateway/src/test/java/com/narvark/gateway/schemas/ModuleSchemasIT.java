package com.narvark.gateway.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The start-up migration on a fresh database (the suite's own): the legacy chain into public, then each module's run
 * into its schema. What PostgreSQL holds afterwards is what the migrations in the repository say, to the relation.
 */
class ModuleSchemasIT extends GatewayIntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    @Test
    void shouldKeepEveryModuleTableInItsModulesSchemaAndOnlyTheFrameworkInPublicWhenMigrated() {
        SchemaCatalog catalog = new SchemaCatalog(jdbc);
        assertThat(catalog.relations()).containsExactlyInAnyOrderElementsOf(ExpectedLayout.relations())
                .contains("otp_query.otp_status", "otp_query.otp_analytics_daily", "accounts.api_keys",
                        "gateway.credential_failures", "otp_delivery.delivery_processes", "otp_command.otp_expiries",
                        "otp_webhooks.webhook_endpoints", "public.domainevententry", "public.scheduled_tasks");
        assertThat(catalog.relations().stream().filter(relation -> relation.startsWith("public.")))
                .containsExactlyInAnyOrder("public.flyway_schema_history", "public.domainevententry",
                        "public.snapshotevententry", "public.tokenentry", "public.sagaentry",
                        "public.associationvalueentry", "public.deadletterentry", "public.scheduled_tasks");
    }

    /** The legacy location's recursive scan sees no module script, and each module run sees only its own. */
    @Test
    void shouldRecordEachSchemasOwnScriptsInItsOwnHistoryWhenMigrated() {
        SchemaCatalog catalog = new SchemaCatalog(jdbc);
        ExpectedLayout.scriptVersions().forEach((schema, versions) ->
                assertThat(catalog.appliedVersions(schema)).as(schema).containsExactlyElementsOf(versions));
        assertThat(ExpectedLayout.scriptVersions()).containsOnlyKeys("public", "accounts", "gateway", "otp_command",
                "otp_delivery", "otp_query", "otp_webhooks");
        assertThat(catalog.appliedVersions("public")).hasSize(39).doesNotContain("2026.12.01.96");
    }

    /** Trigger functions follow their tables; the triggers keep calling them wherever they live. */
    @Test
    void shouldLeaveNoNarvarkFunctionInPublicWhenMigrated() {
        SchemaCatalog catalog = new SchemaCatalog(jdbc);
        assertThat(catalog.narvarkFunctions()).containsExactly("accounts.narvark_notify_api_keys",
                "gateway.narvark_notify_account_channel", "otp_webhooks.narvark_notify_webhook_endpoints");
        assertThat(catalog.triggerFunctionSchemas("accounts.accounts")).containsExactly("accounts", "gateway");
        assertThat(catalog.triggerFunctionSchemas("gateway.fraud_guard_policies")).containsExactly("gateway");
    }

    /** Nothing sets a search path: a module table named without its schema would fail, not find a stale copy. */
    @Test
    void shouldKeepPostgresDefaultSearchPathWhenTheApplicationConnects() {
        assertThat(jdbc.sql("SHOW search_path").query(String.class).single()).isEqualTo("\"$user\", public");
        assertThat(jdbc.sql("SELECT to_regclass('otp_status') IS NULL AND to_regclass('otp_query.otp_status') "
                + "IS NOT NULL").query(Boolean.class).single()).isTrue();
    }
}
