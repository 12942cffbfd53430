package com.narvark.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.narvark.otp.api.storage.ModuleSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.junit.jupiter.api.Test;

/** Which runs the start-up migration makes, and how each is configured; no database needed to tell. */
class SchemaMigrationsTest {

    private static List<ModuleSchema> declared(String... names) {
        return Arrays.stream(names).map(ModuleSchema::new).toList();
    }

    @Test
    void shouldMigrateTheSchemasInTheFixedOrderWhenDeclaredInAnyOrder() {
        List<String> shuffled = new ArrayList<>(SchemaMigrations.ORDER);
        Collections.reverse(shuffled);
        assertThat(new SchemaMigrations(declared(shuffled.toArray(String[]::new))).schemas())
                .extracting(ModuleSchema::name).containsExactlyElementsOf(SchemaMigrations.ORDER);
    }

    @Test
    void shouldRefuseToStartWhenASchemaIsDeclaredTwiceOrOutsideTheOrder() {
        List<String> twice = new ArrayList<>(SchemaMigrations.ORDER);
        twice.add("accounts");
        assertThatThrownBy(() -> new SchemaMigrations(declared(twice.toArray(String[]::new))))
                .hasMessageContaining("twice");
        List<String> extra = new ArrayList<>(SchemaMigrations.ORDER);
        extra.add("otp_billing");
        assertThatThrownBy(() -> new SchemaMigrations(declared(extra.toArray(String[]::new))))
                .hasMessageContaining("[otp_billing]");
        assertThatThrownBy(() -> new SchemaMigrations(declared("accounts"))).hasMessageContaining("otp_query");
    }

    @Test
    void shouldGiveEachSchemaItsOwnHistoryAndScriptsWhenConfiguringItsRun() {
        Configuration legacy = Flyway.configure().locations("classpath:db/migration").table("flyway_schema_history")
                .placeholders(Map.of("x", "y")).target("2026.12.01.95").load().getConfiguration();
        Configuration run = SchemaMigrations.forSchema(legacy, new ModuleSchema("otp_query")).getConfiguration();
        assertThat(run.getSchemas()).containsExactly("otp_query");
        assertThat(run.getDefaultSchema()).isEqualTo("otp_query");
        assertThat(run.isCreateSchemas()).isTrue();
        assertThat(run.getLocations()).extracting(Object::toString).containsExactly("classpath:db/schema/otp_query");
        assertThat(run.getTable()).isEqualTo("flyway_schema_history");
        assertThat(run.getPlaceholders()).containsEntry("x", "y");
        assertThat(run.getTarget()).isEqualTo(MigrationVersion.LATEST);
        assertThat(legacy.getLocations()).extracting(Object::toString).containsExactly("classpath:db/migration");
    }
}
