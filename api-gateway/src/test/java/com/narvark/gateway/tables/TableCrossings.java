package com.narvark.gateway.tables;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SQL of one module naming a table another module owns: in its Java sources' string literals and text blocks, and in
 * its migrations (legacy and schema) other than the hand-over migrations it is given.
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
     * Every crossing of {@code pieces}. {@code handOverMigrations} are migration file names that move data from one
     * module's tables to another's once, and so name both.
     */
    public static List<Crossing> find(Path root, List<ModuleSql.Piece> pieces, Map<String, TableHomes.Home> homes,
            Set<String> schemas, Set<String> handOverMigrations) {
        return pieces.stream()
                .filter(piece -> piece.source() == ModuleSql.Source.JAVA
                        || !handOverMigrations.contains(piece.file().getFileName().toString()))
                .flatMap(piece -> crossingsIn(root, piece.module(), piece.file(), piece.fragment(), homes, schemas)
                        .stream())
                .toList();
    }

    /** The references of one fragment of {@code module}'s file to tables of other modules. */
    public static List<Crossing> crossingsIn(Path root, String module, Path file, SqlText.Fragment fragment,
            Map<String, TableHomes.Home> homes, Set<String> schemas) {
        return TableReferences.in(fragment, homes.keySet(), schemas).stream()
                .filter(reference -> !homes.get(reference.table()).module().equals(module))
                .map(reference -> new Crossing(module, ModuleTables.name(root, file), reference.line(),
                        reference.table(), homes.get(reference.table()).module()))
                .toList();
    }
}
