package com.narvark.gateway.tables;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SQL of one module naming a table another module owns: in its Java sources' string literals and text blocks, and in
 * its migrations other than the hand-over migrations it is given.
 */
public final class TableCrossings {

    /** {@code file:line} of module {@code module} names {@code table}, which {@code owner} owns. */
    public record Crossing(String module, String file, int line, String table, String owner) {

        @Override
        public String toString() {
            return file + ":" + line + " (" + module + ") names " + table + ", owned by " + owner;
        }
    }

    private TableCrossings() {
    }

    /**
     * Every crossing under {@code root}. {@code handOverMigrations} are migration file names that move data from one
     * module's tables to another's once, and so name both.
     */
    public static List<Crossing> find(Path root, List<Path> modules, Map<String, String> owners,
            Set<String> handOverMigrations) {
        List<Crossing> crossings = new ArrayList<>();
        for (Path module : modules) {
            String name = ModuleTables.name(root, module);
            for (Path source : ModuleTables.files(module.resolve("src/main/java"), ".java")) {
                for (SqlText.Fragment literal : SqlText.javaStringLiterals(ModuleTables.read(source))) {
                    crossings.addAll(crossingsIn(root, name, source, literal, owners));
                }
            }
            for (Path migration : ModuleTables.files(module.resolve("src/main/resources/db/migration"), ".sql")) {
                if (!handOverMigrations.contains(migration.getFileName().toString())) {
                    crossings.addAll(crossingsIn(root, name, migration,
                            SqlText.sqlStatements(ModuleTables.read(migration)), owners));
                }
            }
        }
        return crossings;
    }

    /** The references of one fragment of {@code module}'s file to tables of other modules. */
    public static List<Crossing> crossingsIn(Path root, String module, Path file, SqlText.Fragment fragment,
            Map<String, String> owners) {
        return TableReferences.in(fragment, owners.keySet()).stream()
                .filter(reference -> !owners.get(reference.table()).equals(module))
                .map(reference -> new Crossing(module, ModuleTables.name(root, file), reference.line(),
                        reference.table(), owners.get(reference.table())))
                .toList();
    }
}
