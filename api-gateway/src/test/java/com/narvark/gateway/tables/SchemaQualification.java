package com.narvark.gateway.tables;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names of module tables that would not find them: connections keep PostgreSQL's default search path
 * ({@code "$user", public}), so main code names a module table by its schema ({@code otp_query.otp_status}), and only
 * the framework tables, which stay in {@code public}, may go unqualified. Schema migrations qualify too; they may also
 * name {@code public.x}, which is where their first script moves the module's tables from. Legacy migrations ran into
 * {@code public} before any table moved and are not checked.
 */
public final class SchemaQualification {

    /** {@code file:line} names {@code table} as {@code named}; it lives in schema {@code home}. */
    public record Misnamed(String module, String file, int line, String named, String table, String home) {

        @Override
        public String toString() {
            return file + ":" + line + " (" + module + ") names " + named + "; write " + home + "." + table;
        }
    }

    private SchemaQualification() {
    }

    public static List<Misnamed> find(Path root, List<ModuleSql.Piece> pieces, Map<String, TableHomes.Home> homes,
            Set<String> schemas) {
        return pieces.stream().filter(piece -> piece.source() != ModuleSql.Source.LEGACY_MIGRATION)
                .flatMap(piece -> misnamedIn(root, piece, homes, schemas).stream()).toList();
    }

    public static List<Misnamed> misnamedIn(Path root, ModuleSql.Piece piece, Map<String, TableHomes.Home> homes,
            Set<String> schemas) {
        return TableReferences.in(piece.fragment(), homes.keySet(), schemas).stream()
                .filter(reference -> !findsItsTable(reference, homes.get(reference.table()).schema(), piece.source()))
                .map(reference -> new Misnamed(piece.module(), ModuleTables.name(root, piece.file()), reference.line(),
                        reference.name(), reference.table(), homes.get(reference.table()).schema()))
                .toList();
    }

    private static boolean findsItsTable(TableReferences.Reference reference, String home, ModuleSql.Source source) {
        String schema = reference.qualified() ? reference.schema() : ModuleTables.PUBLIC;
        return schema.equals(home) || (source == ModuleSql.Source.SCHEMA_MIGRATION && reference.qualified()
                && schema.equals(ModuleTables.PUBLIC));
    }
}
