package com.narvark.gateway.tables;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a module's SQL is: the string literals and text blocks of its {@code src/main/java}, its legacy migrations
 * ({@code db/migration}, which ran into {@code public} with every name unqualified) and its schema migrations
 * ({@code db/schema/<schema>}).
 */
public final class ModuleSql {

    /** What kind of file a piece of SQL comes from: the rules for naming tables differ between them. */
    public enum Source { JAVA, LEGACY_MIGRATION, SCHEMA_MIGRATION }

    /** One string literal, or one migration's statements, of module {@code module}'s {@code file}. */
    public record Piece(String module, Path file, Source source, SqlText.Fragment fragment) {
    }

    private ModuleSql() {
    }

    public static List<Piece> of(Path root, List<Path> modules) {
        List<Piece> pieces = new ArrayList<>();
        for (Path module : modules) {
            String name = ModuleTables.name(root, module);
            for (Path source : ModuleTables.files(module.resolve("src/main/java"), ".java")) {
                for (SqlText.Fragment literal : SqlText.javaStringLiterals(ModuleTables.read(source))) {
                    pieces.add(new Piece(name, source, Source.JAVA, literal));
                }
            }
            migrations(pieces, name, module.resolve(ModuleTables.LEGACY_MIGRATIONS), Source.LEGACY_MIGRATION);
            migrations(pieces, name, module.resolve(TableHomes.SCHEMA_MIGRATIONS), Source.SCHEMA_MIGRATION);
        }
        return pieces;
    }

    private static void migrations(List<Piece> pieces, String module, Path dir, Source source) {
        for (Path migration : ModuleTables.files(dir, ".sql")) {
            pieces.add(new Piece(module, migration, source, SqlText.sqlStatements(ModuleTables.read(migration))));
        }
    }
}
