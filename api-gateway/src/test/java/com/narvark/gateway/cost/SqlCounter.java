package com.narvark.gateway.cost;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.StatementType;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;

/**
 * Counts what the application asks of PostgreSQL through its DataSource, as PostgreSQL will count it:
 * <ul>
 *   <li>a <b>statement</b> is one execution on the server: a batch of n parameter sets is n statements (as in
 *       pg_stat_statements); BEGIN and COMMIT, sent by the driver, are not statements;</li>
 *   <li>a <b>commit</b> is one transaction PostgreSQL commits (its {@code xact_commit}): {@code commit()} on a
 *       connection whose transaction ran at least one statement (the driver sends nothing for an empty one), a
 *       {@code setAutoCommit(true)} that ends such a transaction, and every statement or batch run in autocommit
 *       mode, read-only ones included.</li>
 * </ul>
 * Rollbacks and failed executions are counted apart. Thread-safe; the counts only grow, so a window is the difference of two readings.
 */
public final class SqlCounter implements QueryExecutionListener, MethodExecutionListener {

    /** Cumulative counts at one instant; {@code bySql} maps each SQL text to its executions. */
    public record Reading(long statements, long failed, long commits, long rollbacks, Map<String, Long> bySql) {
    }

    private final LongAdder statements = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder commits = new LongAdder();
    private final LongAdder rollbacks = new LongAdder();
    private final Map<String, LongAdder> bySql = new ConcurrentHashMap<>();
    /** Connections (datasource-proxy's id per checkout) inside a transaction that has run a statement. */
    private final Set<String> inTransaction = ConcurrentHashMap.newKeySet();

    public Reading read() {
        Map<String, Long> sql = new TreeMap<>();
        bySql.forEach((text, count) -> sql.put(text, count.sum()));
        return new Reading(statements.sum(), failed.sum(), commits.sum(), rollbacks.sum(), sql);
    }

    @Override
    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
    }

    @Override
    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        // A prepared batch is one text with n parameter sets; a plain batch is n texts run once each.
        boolean preparedBatch = execution.isBatch() && execution.getStatementType() != StatementType.STATEMENT;
        int times = preparedBatch ? execution.getBatchSize() : 1;
        for (QueryInfo query : queries) {
            bySql.computeIfAbsent(query.getQuery(), text -> new LongAdder()).add(times);
            statements.add(times);
        }
        if (!execution.isSuccess()) {
            failed.increment();
        }
        if (autoCommit(execution)) {
            // The driver runs a batch in autocommit as one implicit transaction.
            if (execution.isSuccess()) {
                commits.add(execution.isBatch() ? 1 : queries.size());
            }
        } else {
            inTransaction.add(execution.getConnectionId());
        }
    }

    private static boolean autoCommit(ExecutionInfo execution) {
        try {
            return execution.getStatement().getConnection().getAutoCommit();
        } catch (SQLException closed) {
            return false;
        }
    }

    @Override
    public void beforeMethod(MethodExecutionContext context) {
    }

    @Override
    public void afterMethod(MethodExecutionContext context) {
        if (!(context.getTarget() instanceof Connection) || context.getThrown() != null
                || context.getConnectionInfo() == null) {
            return;
        }
        String connection = context.getConnectionInfo().getConnectionId();
        Object[] arguments = context.getMethodArgs();
        switch (context.getMethod().getName()) {
            case "commit" -> {
                if (inTransaction.remove(connection)) {
                    commits.increment();
                }
            }
            case "rollback" -> {
                if (arguments == null || arguments.length == 0) {
                    if (inTransaction.remove(connection)) {
                        rollbacks.increment();
                    }
                }
            }
            // Switching autocommit back on inside a transaction commits it (JDBC's rule, and the driver's).
            case "setAutoCommit" -> {
                if (Boolean.TRUE.equals(arguments[0]) && inTransaction.remove(connection)) {
                    commits.increment();
                }
            }
            // The pool rolls back what a returned connection left open.
            case "close" -> {
                if (inTransaction.remove(connection)) {
                    rollbacks.increment();
                }
            }
            default -> {
            }
        }
    }
}
