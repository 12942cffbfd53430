package com.narvark.gateway.schemas;

import com.narvark.gateway.tables.ModuleTables;
import com.narvark.gateway.tables.RepositoryModules;
import com.narvark.gateway.tables.TableHomes;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The layout the migrations in the repository promise, read from their files as {@code TableOwnershipTest} reads
 * them: each table (and view) in its home schema, one Flyway history per schema, and the versions of each schema's
 * scripts. The database tests compare what PostgreSQL holds with it.
 */
final class ExpectedLayout {

    static final String HISTORY = "flyway_schema_history";
    private static final Pattern VERSION = Pattern.compile("^V([^_]\\w*?)__");

    private static final Path ROOT = RepositoryModules.root(Path.of(""));
    private static final List<Path> MODULES = RepositoryModules.directories(ROOT);

    private ExpectedLayout() {
    }

    /** {@code schema.relation} of every table and view, and of each schema's history table. */
    static Set<String> relations() {
        Set<String> relations = new TreeSet<>();
        TableHomes.of(ModuleTables.creations(ROOT, MODULES), TableHomes.placements(ROOT, MODULES))
                .forEach((table, home) -> relations.add(home.schema() + "." + table));
        scriptVersions().keySet().forEach(schema -> relations.add(schema + "." + HISTORY));
        return relations;
    }

    /** Schema to the versions of its scripts: public's are the legacy chain's, each module schema's its folder's. */
    static Map<String, Set<String>> scriptVersions() {
        Map<String, Set<String>> versions = new TreeMap<>();
        for (Path module : MODULES) {
            for (Path script : ModuleTables.files(module.resolve(ModuleTables.LEGACY_MIGRATIONS), ".sql")) {
                versions.computeIfAbsent(ModuleTables.PUBLIC, schema -> new TreeSet<>()).add(version(script));
            }
            Path schemas = module.resolve(TableHomes.SCHEMA_MIGRATIONS);
            for (Path script : ModuleTables.files(schemas, ".sql")) {
                versions.computeIfAbsent(schemas.relativize(script).getName(0).toString(), schema -> new TreeSet<>())
                        .add(version(script));
            }
        }
        return versions;
    }

    /** {@code V2026_12_01_96__move.sql} is version {@code 2026.12.01.96}, as Flyway records it. */
    private static String version(Path script) {
        Matcher version = VERSION.matcher(script.getFileName().toString());
        if (!version.find()) {
            throw new IllegalStateException("not a versioned migration: " + script);
        }
        return version.group(1).replace('_', '.');
    }
}
