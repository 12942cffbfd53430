package com.narvark.gateway.cost;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the application executed between two instants, counted by {@link SqlCounter}, with PostgreSQL's own commit
 * count over the same window (less the probe's queries) beside it as a cross-check.
 */
record CountWindow(double seconds, long statements, long failed, long commits, long rollbacks,
                   CrossCheck crossCheck, Map<String, Long> bySqlBefore, Map<String, Long> bySqlAfter) {

    /**
     * Over the window stretched to the server's late reading: commits and rollbacks as counted here, and as
     * PostgreSQL counted them ({@code xact_commit}, {@code xact_rollback}; the probe's own transactions taken out).
     */
    record CrossCheck(long commits, long serverCommits, long rollbacks, long serverRollbacks) {
    }

    /** Something to measure, allowed to fail as a test does. */
    interface Work {
        void run() throws Exception;
    }

    static CountWindow measure(SqlCounter counter, UncountedProbe probe, Work work) throws Exception {
        UncountedProbe.Transactions serverBefore = probe.transactions();
        long probeBefore = probe.queries();
        SqlCounter.Reading before = counter.read();
        long start = System.nanoTime();
        work.run();
        SqlCounter.Reading after = counter.read();
        double seconds = (System.nanoTime() - start) / 1e9;
        // PostgreSQL publishes a backend's counts when it goes idle, at most once a second: read it later, and
        // compare it with the commits counted until then.
        Thread.sleep(1_500);
        SqlCounter.Reading late = counter.read();
        UncountedProbe.Transactions serverAfter = probe.transactions();
        // The probe's queries are transactions too: the first reading's own commit shows in the last reading, the
        // last one's does not, so the queries counted since the first reading are the ones to take out.
        long probeQueries = probe.queries() - probeBefore;
        CrossCheck crossCheck = new CrossCheck(late.commits() - before.commits(),
                serverAfter.committed() - serverBefore.committed() - probeQueries,
                late.rollbacks() - before.rollbacks(), serverAfter.rolledBack() - serverBefore.rolledBack());
        return new CountWindow(seconds, after.statements() - before.statements(), after.failed() - before.failed(),
                after.commits() - before.commits(), after.rollbacks() - before.rollbacks(), crossCheck,
                before.bySql(), after.bySql());
    }

    double statementsPerSecond() {
        return statements / seconds;
    }

    double commitsPerSecond() {
        return commits / seconds;
    }

    /** Executions per SQL text in the window, most first. */
    List<Map.Entry<String, Long>> topStatements(int count) {
        List<Map.Entry<String, Long>> executed = new ArrayList<>();
        bySqlAfter.forEach((sql, total) -> {
            long inWindow = total - bySqlBefore.getOrDefault(sql, 0L);
            if (inWindow > 0) {
                executed.add(Map.entry(sql, inWindow));
            }
        });
        executed.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        return executed.subList(0, Math.min(count, executed.size()));
    }

    /** Executions in the window of statements that name any of the tables (case-insensitive, each counted once). */
    long statementsNaming(List<String> tables) {
        return topStatements(Integer.MAX_VALUE).stream()
                .filter(statement -> tables.stream().anyMatch(table -> names(statement.getKey(), table)))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static boolean names(String sql, String table) {
        return sql.toLowerCase().matches("(?s).*\\b" + Pattern.quote(table.toLowerCase()) + "\\b.*");
    }

    /** Whether some statement run in the window touches the table (case-insensitive). */
    boolean touched(String table) {
        return topStatements(Integer.MAX_VALUE).stream()
                .anyMatch(statement -> statement.getKey().toLowerCase().contains(table.toLowerCase()));
    }
}
