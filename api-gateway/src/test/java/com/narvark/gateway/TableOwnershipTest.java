package com.narvark.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.tables.ModuleTables;
import com.narvark.gateway.tables.RepositoryModules;
import com.narvark.gateway.tables.TableCrossings;
import com.narvark.gateway.tables.TableCrossings.Crossing;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Each table has one owning module, the one whose migrations create it, and only that module's SQL names it: another
 * module asks the owner through otp-api messages or its public interface instead of reading or writing the table.
 * Plain files, no Spring context and no database: it reads the sources of every module of the root pom.
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
    private static final Map<String, String> OWNERS = owners();

    @Test
    void shouldFindEveryModuleAndItsTablesWhenWalkingUpToTheRootPom() {
        assertThat(MODULES.stream().map(module -> ModuleTables.name(ROOT, module)))
                .contains("otp-api", "otp-command", "otp-query", "otp-delivery", "otp-webhooks", "api-gateway");
        assertThat(OWNERS).containsEntry("sandbox_messages", "otp-delivery").containsEntry("otp_status", "otp-query")
                .containsEntry("otp_expiries", "otp-command").containsEntry("webhook_endpoints", "otp-webhooks");
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
    }

    @Test
    void shouldNameOnlyItsOwnTablesWhenAModulesSqlIsScanned() {
        List<String> crossings = crossings().stream().filter(crossing -> !TableCrossingAllowances.allows(crossing))
                .map(Crossing::toString).toList();
        assertThat(crossings).as("SQL naming another module's table (ask the owning module instead)").isEmpty();
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
        return TableCrossings.find(ROOT, MODULES, OWNERS, HAND_OVER_MIGRATIONS);
    }

    /** Owners from the migrations, with the framework tables given to the gateway's wiring whoever created them. */
    private static Map<String, String> owners() {
        Map<String, String> owners = new HashMap<>(ModuleTables.owners(CREATIONS));
        ModuleTables.FRAMEWORK_TABLES.forEach(table -> owners.put(table, ModuleTables.GATEWAY));
        return owners;
    }
}
