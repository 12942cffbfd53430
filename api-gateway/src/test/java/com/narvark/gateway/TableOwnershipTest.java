package com.narvark.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.tables.ModuleSql;
import com.narvark.gateway.tables.ModuleTables;
import com.narvark.gateway.tables.RepositoryModules;
import com.narvark.gateway.tables.SchemaQualification;
import com.narvark.gateway.tables.TableCrossings;
import com.narvark.gateway.tables.TableCrossings.Crossing;
import com.narvark.gateway.tables.TableHomes;
import com.narvark.gateway.tables.TableHomes.Home;
import com.narvark.gateway.tables.TableHomes.Placement;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Each table has one owning module and lives in that module's PostgreSQL schema: the module whose schema migration
 * moves it there from {@code public} (where the frozen legacy chain created every table) or creates it there. Only
 * that module's SQL names it, by its schema; another module asks the owner through otp-api messages or its public
 * interface instead of reading or writing the table. Axon's and db-scheduler's tables stay in {@code public}, owned by
 * the gateway's wiring. Plain files, no Spring context and no database: it reads the sources of every module of the
 * root pom.
 */
class TableOwnershipTest {

    /**
     * Migrations that move data across modules once, when a responsibility moved: they name both sides by nature.
     * V..71 turns the delivery saga's rows (Axon's SagaEntry, the gateway's) into otp-delivery's delivery_processes;
     * V..84 turns Axon's expiry deadlines in db-scheduler's table into otp-command's otp_expiries.
     */
    private static final Set<String> HAND_OVER_MIGRATIONS = Set.of(
            "V2026_12_01_71__delivery_saga_handover.sql",
            "V2026_12_01_84__expiry_deadline_handover.sql");

    private static final Path ROOT = RepositoryModules.root(Path.of(""));
    private static final List<Path> MODULES = RepositoryModules.directories(ROOT);
    private static final List<ModuleTables.Creation> CREATIONS = ModuleTables.creations(ROOT, MODULES);
    private static final List<Placement> PLACEMENTS = TableHomes.placements(ROOT, MODULES);
    private static final Map<String, Home> HOMES = TableHomes.of(CREATIONS, PLACEMENTS);
    private static final Map<String, List<String>> SCHEMA_FOLDERS = TableHomes.schemaFolders(ROOT, MODULES);
    private static final List<ModuleSql.Piece> SQL = ModuleSql.of(ROOT, MODULES);

    @Test
    void shouldFindEveryModuleAndItsTablesWhenWalkingUpToTheRootPom() {
        assertThat(MODULES.stream().map(module -> ModuleTables.name(ROOT, module)))
                .contains("otp-api", "otp-command", "otp-query", "otp-delivery", "otp-webhooks", "api-gateway");
        assertThat(HOMES).containsEntry("sandbox_messages", new Home("otp_delivery", "otp-delivery"))
                .containsEntry("otp_status", new Home("otp_query", "otp-query"))
                .containsEntry("otp_analytics_daily", new Home("otp_query", "otp-query"))
                .containsEntry("otp_expiries", new Home("otp_command", "otp-command"))
                .containsEntry("webhook_endpoints", new Home("otp_webhooks", "otp-webhooks"))
                .containsEntry("api_keys", new Home("accounts", "accounts"))
                .containsEntry("credential_failures", new Home("gateway", "api-gateway"))
                .containsEntry("domainevententry", new Home("public", "api-gateway"));
    }

    @Test
    void shouldCreateTheFrameworkTablesInTheGatewayWhenMigrated() {
        assertThat(CREATIONS.stream().filter(creation -> creation.module().equals(ModuleTables.GATEWAY))
                .map(ModuleTables.Creation::table)).containsAll(ModuleTables.FRAMEWORK_TABLES);
    }

    @Test
    void shouldGiveEveryTableOneOwningModuleWhenMigrationsCreateTables() {
        Map<String, Set<String>> creators = CREATIONS.stream().collect(Collectors.groupingBy(
                ModuleTables.Creation::table, Collectors.mapping(ModuleTables.Creation::module, Collectors.toSet())));
        assertThat(creators.entrySet().stream().filter(entry -> entry.getValue().size() > 1).map(Object::toString))
                .as("tables created by more than one module").isEmpty();
        assertThat(PLACEMENTS.stream().collect(Collectors.groupingBy(Placement::table, Collectors.counting()))
                .entrySet().stream().filter(entry -> entry.getValue() > 1).map(Map.Entry::getKey))
                .as("tables moved or created by more than one schema migration").isEmpty();
    }

    /** After the schema migrations nothing of a module is left in public: only the framework's tables stay there. */
    @Test
    void shouldMoveEveryModuleTableOutOfPublicWhenTheSchemasMigrate() {
        assertThat(CREATIONS.stream().map(ModuleTables.Creation::table).distinct()
                .filter(table -> !ModuleTables.FRAMEWORK_TABLES.contains(table))
                .filter(table -> HOMES.get(table).schema().equals(ModuleTables.PUBLIC)))
                .as("legacy tables no module's schema migration moves out of public").isEmpty();
        assertThat(PLACEMENTS.stream().map(Placement::table)).as("framework tables moved")
                .doesNotContainAnyElementsOf(ModuleTables.FRAMEWORK_TABLES);
        assertThat(TableHomes.unqualifiedCreations(ROOT, MODULES)).as("schema migrations creating a table unqualified")
                .isEmpty();
    }

    /** A module has one schema, its own: the folder its schema migrations sit in, the name of its ModuleSchema. */
    @Test
    void shouldPlaceTablesOnlyInTheModulesOwnSchemaWhenItsMigrationsAreRead() {
        assertThat(SCHEMA_FOLDERS.entrySet().stream().filter(entry -> entry.getValue().size() != 1)
                .map(Object::toString)).as("modules with more than one schema folder").isEmpty();
        Set<String> seen = new HashSet<>();
        assertThat(SCHEMA_FOLDERS.values().stream().map(folders -> folders.get(0)).filter(folder -> !seen.add(folder)))
                .as("schema folders of more than one module").isEmpty();
        assertThat(PLACEMENTS.stream().filter(placed -> !placed.schema().equals(placed.folder())).map(Object::toString))
                .as("tables placed in a schema other than the migration's own").isEmpty();
        assertThat(SCHEMA_FOLDERS).containsEntry("otp-query", List.of("otp_query"))
                .containsEntry("api-gateway", List.of("gateway")).containsEntry("accounts", List.of("accounts"));
        SCHEMA_FOLDERS.forEach((module, folders) -> assertThat(ModuleTables.files(ROOT.resolve(module)
                        .resolve("src/main/java"), ".java").stream().map(ModuleTables::read))
                .as("%s declares new ModuleSchema(\"%s\")", module, folders.get(0))
                .anyMatch(source -> source.contains("new ModuleSchema(\"" + folders.get(0) + "\")")));
    }

    @Test
    void shouldNameOnlyItsOwnTablesWhenAModulesSqlIsScanned() {
        List<String> crossings = crossings().stream().filter(crossing -> !TableCrossingAllowances.allows(crossing))
                .map(Crossing::toString).toList();
        assertThat(crossings).as("SQL naming another module's table (ask the owning module instead)").isEmpty();
    }

    @Test
    void shouldNameEveryModuleTableByItsSchemaWhenMainCodeAndSchemaMigrationsAreScanned() {
        assertThat(SchemaQualification.find(ROOT, SQL, HOMES, schemas()).stream().map(Object::toString))
                .as("module tables named without their schema (the search path is PostgreSQL's default)").isEmpty();
    }

    /** An allowance whose crossing is gone (fixed, or its file moved) is deleted, so none outlives its reason. */
    @Test
    void shouldNeedEveryAllowedCrossingWhenScanned() {
        List<Crossing> crossings = crossings();
        assertThat(TableCrossingAllowances.ALLOWED.stream()
                .filter(allowance -> crossings.stream().noneMatch(allowance::covers)).map(Object::toString))
                .as("allowances no crossing needs any more: delete them from TableCrossingAllowances").isEmpty();
    }

    private static List<Crossing> crossings() {
        return TableCrossings.find(ROOT, SQL, HOMES, schemas(), HAND_OVER_MIGRATIONS);
    }

    private static Set<String> schemas() {
        Set<String> schemas = new HashSet<>(Set.of(ModuleTables.PUBLIC));
        SCHEMA_FOLDERS.values().forEach(schemas::addAll);
        return schemas;
    }
}
