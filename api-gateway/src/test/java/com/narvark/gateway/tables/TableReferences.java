package com.narvark.gateway.tables;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Table names a piece of SQL names: the word after FROM, JOIN, INTO, UPDATE, TABLE, VIEW, TRUNCATE, USING, REFERENCES
 * or ON, and the further tables of a comma-separated FROM list, with the schema it is qualified by if any. Matching is
 * case-insensitive as PostgreSQL folds unquoted names; only names some module's migration creates count, so a column,
 * an alias or a function after ON or FROM is ignored. {@code a.b} names table b of schema a when a is a known schema,
 * and otherwise no table: it is a column of an alias (or of a table named as its own alias, already found where the
 * statement named it).
 */
public final class TableReferences {

    /** A table named on a line of a file, qualified by {@code schema} or unqualified ({@code schema} null). */
    public record Reference(String schema, String table, int line) {

        public static Reference unqualified(String table, int line) {
            return new Reference(null, table, line);
        }

        public boolean qualified() {
            return schema != null;
        }

        /** As written, but lower case: {@code otp_query.otp_status} or {@code otp_status}. */
        public String name() {
            return qualified() ? schema + "." + table : table;
        }
    }

    private static final String PART = "\"?[A-Za-z_][\\w$]*\"?";
    private static final String NAME = PART + "(?:\\." + PART + ")?";
    private static final Pattern NAMED = Pattern.compile("(?i)\\b(FROM|JOIN|INTO|UPDATE|TABLE|VIEW|TRUNCATE|USING"
            + "|REFERENCES|ON)\\s+(?:ONLY\\s+)?(?:IF\\s+(?:NOT\\s+)?EXISTS\\s+)?(" + NAME + ")");
    /** After FROM's first table: {@code , other [AS] alias}, as long as the list goes on. */
    private static final Pattern FURTHER_IN_LIST = Pattern.compile("(?:\\s+(?:AS\\s+)?(?!(?i:WHERE|JOIN|LEFT|RIGHT"
            + "|INNER|FULL|CROSS|NATURAL|GROUP|ORDER|LIMIT|OFFSET|ON|USING|RETURNING|UNION|HAVING|WINDOW|FOR|SET|WITH)"
            + "\\b)[A-Za-z_]\\w*)?\\s*,\\s*(" + NAME + ")", Pattern.CASE_INSENSITIVE);

    private TableReferences() {
    }

    /**
     * The known tables {@code fragment} names, each once per line and qualification, with the line it is named on.
     * {@code knownSchemas} tells a schema-qualified table ({@code accounts.api_keys}) from an alias's column
     * ({@code k.account_id}).
     */
    public static List<Reference> in(SqlText.Fragment fragment, Set<String> knownTables, Set<String> knownSchemas) {
        Set<Reference> found = new LinkedHashSet<>();
        String text = fragment.text();
        Matcher named = NAMED.matcher(text);
        while (named.find()) {
            add(found, fragment, named.start(2), named.group(2), knownTables, knownSchemas);
            if (named.group(1).equalsIgnoreCase("FROM")) {
                Matcher further = FURTHER_IN_LIST.matcher(text);
                further.region(named.end(2), text.length());
                while (further.lookingAt()) {
                    add(found, fragment, further.start(1), further.group(1), knownTables, knownSchemas);
                    further.region(further.end(1), text.length());
                }
            }
        }
        return new ArrayList<>(found);
    }

    private static void add(Set<Reference> found, SqlText.Fragment fragment, int at, String name,
            Set<String> knownTables, Set<String> knownSchemas) {
        String[] parts = name.replace("\"", "").toLowerCase(Locale.ROOT).split("\\.");
        if (parts.length == 2 && !knownSchemas.contains(parts[0])) {
            return;
        }
        String table = parts[parts.length - 1];
        if (knownTables.contains(table)) {
            int line = fragment.line() + (int) fragment.text().substring(0, at).chars().filter(c -> c == '\n').count();
            found.add(new Reference(parts.length == 2 ? parts[0] : null, table, line));
        }
    }
}
