package com.narvark.gateway.tables;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each table lives and which module owns it. A module's schema migrations
 * ({@code src/main/resources/db/schema/<schema>/**.sql}) place tables in its schema, by moving one the legacy chain
 * created in {@code public} ({@code ALTER TABLE public.x SET SCHEMA s}) or by creating one there
 * ({@code CREATE TABLE s.x}); the schema's module owns what it places. The framework tables stay in {@code public},
 * owned by the gateway's wiring; a legacy table no schema migration places stays in {@code public} with its creator.
 */
public final class TableHomes {

    public static final String SCHEMA_MIGRATIONS = "src/main/resources/db/schema";

    private static final String NAME = "\"?([A-Za-z_]\\w*)\"?";
    private static final Pattern MOVE = Pattern.compile("(?i)\\bALTER\\s+(?:TABLE|VIEW)\\s+(?:IF\\s+EXISTS\\s+)?"
            + "(?:ONLY\\s+)?\"?public\"?\\." + NAME + "\\s+SET\\s+SCHEMA\\s+" + NAME);
    private static final String CREATE_TABLE = "(?i)\\bCREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:UNLOGGED\\s+)?(?:TABLE|VIEW)"
            + "\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?+";
    private static final Pattern CREATE = Pattern.compile(CREATE_TABLE + NAME + "\\." + NAME);
    /** Possessive, so that {@code s.x} cannot match as {@code s} cut short before the dot. */
    private static final Pattern CREATE_UNQUALIFIED = Pattern.compile(CREATE_TABLE + "\"?+([A-Za-z_]\\w*+)\"?+(?!\\.)");

    /** A table {@code module}'s migration {@code migration} (of the schema folder {@code folder}) puts in a schema. */
    public record Placement(String module, String folder, String schema, String table, Path migration) {
    }

    /** Table {@code table} lives in {@code schema} and belongs to {@code module}. */
    public record Home(String schema, String module) {
    }

    private TableHomes() {
    }

    /** The schema folders of each module: the directories right under its {@code db/schema}. */
    public static Map<String, List<String>> schemaFolders(Path root, List<Path> modules) {
        Map<String, List<String>> folders = new LinkedHashMap<>();
        for (Path module : modules) {
            List<String> names = ModuleTables.files(module.resolve(SCHEMA_MIGRATIONS), ".sql").stream()
                    .map(script -> module.resolve(SCHEMA_MIGRATIONS).relativize(script).getName(0).toString())
                    .distinct().toList();
            if (!names.isEmpty()) {
                folders.put(ModuleTables.name(root, module), names);
            }
        }
        return folders;
    }

    /** Every move and creation of every module's schema migrations. */
    public static List<Placement> placements(Path root, List<Path> modules) {
        List<Placement> placements = new ArrayList<>();
        for (Path module : modules) {
            Path schemas = module.resolve(SCHEMA_MIGRATIONS);
            for (Path migration : ModuleTables.files(schemas, ".sql")) {
                String folder = schemas.relativize(migration).getName(0).toString();
                String sql = SqlText.sqlStatements(ModuleTables.read(migration)).text();
                for (Pattern statement : List.of(MOVE, CREATE)) {
                    Matcher found = statement.matcher(sql);
                    while (found.find()) {
                        boolean move = statement == MOVE;
                        placements.add(new Placement(ModuleTables.name(root, module), folder,
                                lower(found.group(move ? 2 : 1)), lower(found.group(move ? 1 : 2)), migration));
                    }
                }
            }
        }
        return placements;
    }

    /**
     * {@code file: table} of each table a schema migration creates without naming its schema: it would land in the
     * schema Flyway's run sets as the search path, unseen by these checks.
     */
    public static List<String> unqualifiedCreations(Path root, List<Path> modules) {
        List<String> unqualified = new ArrayList<>();
        for (Path module : modules) {
            for (Path migration : ModuleTables.files(module.resolve(SCHEMA_MIGRATIONS), ".sql")) {
                Matcher found = CREATE_UNQUALIFIED.matcher(SqlText.sqlStatements(ModuleTables.read(migration)).text());
                while (found.find()) {
                    unqualified.add(ModuleTables.name(root, migration) + ": " + found.group(1));
                }
            }
        }
        return unqualified;
    }

    /** Table to home: placed tables where they were placed (the first placement, should there be two). */
    public static Map<String, Home> of(List<ModuleTables.Creation> creations, List<Placement> placements) {
        Map<String, Home> homes = new LinkedHashMap<>();
        ModuleTables.FRAMEWORK_TABLES.forEach(table -> homes.put(table, new Home(ModuleTables.PUBLIC,
                ModuleTables.GATEWAY)));
        placements.forEach(placed -> homes.putIfAbsent(placed.table(), new Home(placed.schema(), placed.module())));
        creations.forEach(created -> homes.putIfAbsent(created.table(), new Home(ModuleTables.PUBLIC,
                created.module())));
        return homes;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
