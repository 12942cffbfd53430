package com.narvark.gateway.tables;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a source file where SQL can be: a Java file's string literals and text blocks, a migration's
 * statements without comments and quoted strings. Each part keeps the line it starts on, so a finding points at the
 * line that names the table.
 */
public final class SqlText {

    /** A piece of text and the 1-based line of the file its first character is on. */
    public record Fragment(int line, String text) {
    }

    private SqlText() {
    }

    /** String literals and text blocks of Java source; comments and char literals are skipped, not read as SQL. */
    public static List<Fragment> javaStringLiterals(String source) {
        List<Fragment> literals = new ArrayList<>();
        int line = 1;
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = indexOrEnd(source, "\n", i);
            } else if (source.startsWith("/*", i)) {
                int end = indexOrEnd(source, "*/", i + 2) + 2;
                line += newlines(source, i, Math.min(end, source.length()));
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = closing(source, i + 3, "\"\"\"");
                literals.add(new Fragment(line, source.substring(i + 3, Math.min(end, source.length()))));
                line += newlines(source, i, Math.min(end, source.length()));
                i = end + 3;
            } else if (c == '"' || c == '\'') {
                int end = closing(source, i + 1, String.valueOf(c));
                if (c == '"') {
                    literals.add(new Fragment(line, source.substring(i + 1, Math.min(end, source.length()))));
                }
                i = end + 1;
            } else {
                if (c == '\n') {
                    line++;
                }
                i++;
            }
        }
        return literals;
    }

    /**
     * A SQL script with its comments and single-quoted strings blanked out (newlines kept, so lines still count):
     * a comment saying where data came from, or a pattern matched in data, names no table. Dollar-quoted bodies stay:
     * they are SQL.
     */
    public static Fragment sqlStatements(String script) {
        StringBuilder kept = new StringBuilder(script.length());
        int i = 0;
        while (i < script.length()) {
            int end;
            if (script.startsWith("--", i)) {
                end = indexOrEnd(script, "\n", i);
            } else if (script.startsWith("/*", i)) {
                end = Math.min(indexOrEnd(script, "*/", i + 2) + 2, script.length());
            } else if (script.charAt(i) == '\'') {
                end = Math.min(indexOrEnd(script, "'", i + 1) + 1, script.length());
            } else {
                kept.append(script.charAt(i++));
                continue;
            }
            script.substring(i, end).chars().forEach(ch -> kept.append(ch == '\n' ? '\n' : ' '));
            i = end;
        }
        return new Fragment(1, kept.toString());
    }

    /** Where an unescaped {@code delimiter} starts at or after {@code from}, or the end of the text. */
    private static int closing(String text, int from, String delimiter) {
        int i = from;
        while (i < text.length() && !text.startsWith(delimiter, i)) {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i, text.length());
    }

    private static int indexOrEnd(String text, String what, int from) {
        int found = text.indexOf(what, from);
        return found < 0 ? text.length() : found;
    }

    private static int newlines(String text, int from, int to) {
        return (int) text.substring(from, to).chars().filter(ch -> ch == '\n').count();
    }
}
