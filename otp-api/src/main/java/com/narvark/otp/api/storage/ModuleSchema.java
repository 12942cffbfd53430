package com.narvark.otp.api.storage;

import java.util.regex.Pattern;

/**
 * The PostgreSQL schema a module keeps its tables in, declared by the module as a bean. The gateway's wiring runs one
 * Flyway migration per declared schema at start-up ({@code schemas=<name>}, the schema's own
 * {@code flyway_schema_history}, the scripts under {@link #location()}), after the frozen legacy chain and before
 * anything reads or writes a table. The module's SQL names its tables qualified by this schema
 * ({@code otp_query.otp_status}): connections keep PostgreSQL's default search path, so an unqualified name of a
 * module table fails instead of finding a stale copy.
 *
 * @param name a plain lower-case SQL identifier, so that it needs no quoting wherever SQL names it
 */
public record ModuleSchema(String name) {

    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public ModuleSchema {
        if (name == null || !PLAIN_IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("a schema name is a lower-case SQL identifier: " + name);
        }
    }

    /**
     * Where the schema's migrations are: {@code db/schema/<name>} on the classpath, outside {@code db/migration}, which
     * holds the legacy chain that created every table in {@code public} and is scanned recursively.
     */
    public String location() {
        return "classpath:db/schema/" + name;
    }
}
