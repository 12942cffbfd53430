package com.narvark.gateway.tables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The tables (and views) the frozen legacy chain creates, by module: every module's
 * {@code src/main/resources/db/migration}, which ran into {@code public}. Where each table lives now is
 * {@link TableHomes}' business. The tables of Axon and db-scheduler are created by the gateway's migrations, stay in
 * {@code public} and belong to the framework wiring there, whatever module's events or tasks they hold.
 */
public final class ModuleTables {

    public static final String GATEWAY = "api-gateway";
    public static final String PUBLIC = "public";
    public static final String LEGACY_MIGRATIONS = "src/main/resources/db/migration";
    public static final Set<String> FRAMEWORK_TABLES = Set.of("domainevententry", "snapshotevententry", "tokenentry",
            "deadletterentry", "sagaentry", "associationvalueentry", "scheduled_tasks");

    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)\\bCREATE\\s+(?:OR\\s+REPLACE\\s+)?"
            + "(?:UNLOGGED\\s+)?(?:TABLE|VIEW)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?\"?(?:public\\.)?\"?([A-Za-z_]\\w*)");

    /** A table (or view) created by a module's legacy migration. */
    public record Creation(String module, String table, Path migration) {
    }

    private ModuleTables() {
    }

    /** Every {@code CREATE TABLE} and {@code CREATE VIEW} of every module's legacy migrations. */
    public static List<Creation> creations(Path root, List<Path> modules) {
        List<Creation> creations = new ArrayList<>();
        for (Path module : modules) {
            for (Path migration : files(module.resolve(LEGACY_MIGRATIONS), ".sql")) {
                Matcher create = CREATE_TABLE.matcher(SqlText.sqlStatements(read(migration)).text());
                while (create.find()) {
                    creations.add(new Creation(name(root, module), create.group(1).toLowerCase(Locale.ROOT),
                            migration));
                }
            }
        }
        return creations;
    }

    /** A module's name: its directory relative to the repository root, as in the root pom. */
    public static String name(Path root, Path module) {
        return root.relativize(module).toString().replace('\\', '/');
    }

    /** The files below {@code dir} whose names end with {@code suffix}, sorted; none if there is no such folder. */
    public static List<Path> files(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(file -> file.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
