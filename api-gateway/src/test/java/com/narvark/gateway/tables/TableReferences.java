package com.narvark.gateway.tables;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Table names a piece of SQL names: the word after FROM, JOIN, INTO, UPDATE, TABLE, USING, REFERENCES or ON, and the
 * further tables of a comma-separated FROM list. Matching is case-insensitive as PostgreSQL folds unquoted names;
 * only names some module's migration creates count, so a column, an alias or a function after ON or FROM is ignored.
 */
public final class TableReferences {

    /** A table named on a line of a file. */
    public record Reference(String table, int line) {
    }

    private static final String NAME = "\"?[A-Za-z_][\\w$]*\"?(?:\\.\"?[A-Za-z_][\\w$]*\"?)?";
    private static final Pattern NAMED = Pattern.compile("(?i)\\b(FROM|JOIN|INTO|UPDATE|TABLE|USING|REFERENCES|ON)"
            + "\\s+(?:ONLY\\s+)?(?:IF\\s+(?:NOT\\s+)?EXISTS\\s+)?(" + NAME + ")");
    /** After FROM's first table: {@code , other [AS] alias}, as long as the list goes on. */
    private static final Pattern FURTHER_IN_LIST = Pattern.compile("(?:\\s+(?:AS\\s+)?(?!(?i:WHERE|JOIN|LEFT|RIGHT"
            + "|INNER|FULL|CROSS|NATURAL|GROUP|ORDER|LIMIT|OFFSET|ON|USING|RETURNING|UNION|HAVING|WINDOW|FOR|SET|WITH)"
            + "\\b)[A-Za-z_]\\w*)?\\s*,\\s*(" + NAME + ")", Pattern.CASE_INSENSITIVE);

    private TableReferences() {
    }

    /** The known tables {@code fragment} names, each once per line, with the line it is named on. */
    public static List<Reference> in(SqlText.Fragment fragment, Set<String> knownTables) {
        Set<Reference> found = new LinkedHashSet<>();
        String text = fragment.text();
        Matcher named = NAMED.matcher(text);
        while (named.find()) {
            add(found, fragment, named.start(2), named.group(2), knownTables);
            if (named.group(1).equalsIgnoreCase("FROM")) {
                Matcher further = FURTHER_IN_LIST.matcher(text);
                further.region(named.end(2), text.length());
                while (further.lookingAt()) {
                    add(found, fragment, further.start(1), further.group(1), knownTables);
                    further.region(further.end(1), text.length());
                }
            }
        }
        return new ArrayList<>(found);
    }

    private static void add(Set<Reference> found, SqlText.Fragment fragment, int at, String name,
            Set<String> knownTables) {
        String table = tableOf(name);
        if (knownTables.contains(table)) {
            int line = fragment.line() + (int) fragment.text().substring(0, at).chars().filter(c -> c == '\n').count();
            found.add(new Reference(table, line));
        }
    }

    /** {@code public.api_keys} and {@code "api_keys"} name api_keys; {@code k.account_id} names k (an alias). */
    private static String tableOf(String name) {
        String[] parts = name.replace("\"", "").toLowerCase(Locale.ROOT).split("\\.");
        return parts.length == 2 && parts[0].equals("public") ? parts[1] : parts[0];
    }
}
