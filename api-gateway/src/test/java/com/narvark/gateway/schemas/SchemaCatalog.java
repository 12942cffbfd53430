package com.narvark.gateway.schemas;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What PostgreSQL's catalog says about where the relations live and what each schema's Flyway history holds. */
final class SchemaCatalog {

    private final JdbcClient jdbc;

    SchemaCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code schema.relation} of every table and view outside PostgreSQL's own schemas. */
    Set<String> relations() {
        return new TreeSet<>(jdbc.sql("""
                        SELECT n.nspname || '.' || c.relname
                        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
                          AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
                        """).query(String.class).list());
    }

    /** The versions the schema's history records as applied scripts (Flyway's own schema-creation marker aside). */
    Set<String> appliedVersions(String schema) {
        return new TreeSet<>(jdbc.sql("SELECT version FROM " + schema + "." + ExpectedLayout.HISTORY
                + " WHERE success AND type = 'SQL'").query(String.class).list());
    }

    /** Functions of Narvark's migrations (they are all called narvark_…) as {@code schema.function}. */
    List<String> narvarkFunctions() {
        return jdbc.sql("""
                        SELECT n.nspname || '.' || p.proname
                        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace

                        WHERE p.proname LIKE 'narvark\\_%' ORDER BY 1
                        """).query(String.class).list();
    }

    /** The schemas of the functions the table's own triggers call. */
    Set<String> triggerFunctionSchemas(String table) {
        return new TreeSet<>(jdbc.sql("""
                        SELECT DISTINCT p.pronamespace::regnamespace::text FROM pg_trigger t
                        JOIN pg_proc p ON p.oid = t.tgfoid WHERE t.tgrelid = ?::regclass AND NOT t.tgisinternal
                        """).param(table).query(String.class).list());
    }
}
