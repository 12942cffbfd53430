package com.narvark.gateway.tables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which module owns which table: the module whose migrations create it. The tables of Axon and db-scheduler are
 * created by the gateway's migrations and belong to the framework wiring there, whatever module's events or tasks they
 * hold.
 */
public final class ModuleTables {

    public static final String GATEWAY = "api-gateway";
    public static final Set<String> FRAMEWORK_TABLES = Set.of("domainevententry", "snapshotevententry", "tokenentry",
            "deadletterentry", "sagaentry", "associationvalueentry", "scheduled_tasks");

    private static final Pattern CREATE_TABLE = Pattern.compile(
            "(?i)\\bCREATE\\s+(?:UNLOGGED\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?\"?(?:public\\.)?\"?([A-Za-z_]\\w*)");

    /** A table created by a module's migration. */
    public record Creation(String module, String table, Path migration) {
    }

    private ModuleTables() {
    }

    /** Every {@code CREATE TABLE} of every module's {@code src/main/resources/db/migration}. */
    public static List<Creation> creations(Path root, List<Path> modules) {
        List<Creation> creations = new ArrayList<>();
        for (Path module : modules) {
            for (Path migration : files(module.resolve("src/main/resources/db/migration"), ".sql")) {
                Matcher create = CREATE_TABLE.matcher(SqlText.sqlStatements(read(migration)).text());
                while (create.find()) {
                    creations.add(new Creation(name(root, module), create.group(1).toLowerCase(Locale.ROOT),
                            migration));
                }
            }
        }
        return creations;
    }

    /** Table to owning module; a table created by two modules keeps the first (the test reports the second). */
    public static Map<String, String> owners(List<Creation> creations) {
        Map<String, String> owners = new LinkedHashMap<>();
        creations.forEach(creation -> owners.putIfAbsent(creation.table(), creation.module()));
        return owners;
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
