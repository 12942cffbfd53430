package com.narvark.gateway.config;

import com.narvark.otp.api.storage.ModuleSchema;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

/**
 * The start-up migrations, in place of Boot's single Flyway run. First the legacy chain: Boot's own Flyway as
 * {@code spring.flyway.*} configures it ({@code classpath:db/migration}, history in
 * {@code public.flyway_schema_history}), frozen because it is applied on existing databases and created every table in
 * {@code public}. Then one run per schema the modules declare ({@link ModuleSchema} beans), in {@link #ORDER}: each
 * with its own history table in its own schema, which Flyway creates, and only its own scripts. A module's first
 * script there moves its tables out of {@code public}.
 * <p>
 * Boot's {@code FlywayMigrationInitializer} hands its Flyway to this strategy, and Boot makes every
 * {@code JdbcTemplate}, {@code JdbcClient} and {@code @DependsOnDatabaseInitialization} bean depend on that
 * initializer: nothing reads or writes a table before the last schema has migrated, as with Boot's own run.
 */
final class SchemaMigrations implements FlywayMigrationStrategy {

    /**
     * The order the schemas migrate in: the reactor's, each module after those it builds on, so that a script may
     * refer to a table of a schema migrated before it (the gateway's tables have foreign keys to the accounts').
     * Explicit rather than derived: a new module's schema is placed here on purpose.
     */
    static final List<String> ORDER = List.of("otp_command", "otp_query", "otp_delivery", "otp_webhooks",
            "accounts", "gateway");

    private final List<ModuleSchema> schemas;

    SchemaMigrations(Collection<ModuleSchema> declared) {
        this.schemas = inOrder(declared);
    }

    /**
     * The declared schemas in {@link #ORDER}. A schema declared twice, one missing from the order, or one the order
     * names but no module declares (its tables would stay behind in {@code public}) stops the start.
     */
    static List<ModuleSchema> inOrder(Collection<ModuleSchema> declared) {
        Set<String> names = declared.stream().map(ModuleSchema::name).collect(Collectors.toSet());
        if (names.size() != declared.size()) {
            throw new IllegalStateException("a module schema is declared twice: " + declared);
        }
        Set<String> unordered = new TreeSet<>(names);
        ORDER.forEach(unordered::remove);
        Set<String> undeclared = new TreeSet<>(ORDER);
        undeclared.removeAll(names);
        if (!unordered.isEmpty() || !undeclared.isEmpty()) {
            throw new IllegalStateException("module schemas declared but not in SchemaMigrations.ORDER: " + unordered
                    + "; in the order but declared by no module: " + undeclared);
        }
        return declared.stream().sorted(Comparator.comparingInt(schema -> ORDER.indexOf(schema.name()))).toList();
    }

    List<ModuleSchema> schemas() {
        return schemas;
    }

    @Override
    public void migrate(Flyway legacy) {
        legacy.migrate();
        for (ModuleSchema schema : schemas) {
            forSchema(legacy.getConfiguration(), schema).migrate();
        }
    }

    /**
     * A schema's run: the legacy run's connection and settings (placeholders, history table name, validation),
     * with its own schema, history and scripts. No Java migrations and no target version carry over: they would
     * belong to the legacy chain.
     */
    static Flyway forSchema(Configuration legacy, ModuleSchema schema) {
        return Flyway.configure(legacy.getClassLoader())
                .configuration(legacy)
                .schemas(schema.name())
                .defaultSchema(schema.name())
                .createSchemas(true)
                .locations(schema.location())
                .javaMigrations()
                .target(MigrationVersion.LATEST)
                .load();
    }
}
