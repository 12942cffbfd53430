package com.narvark.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Reads what the gateway has cost so far: statements by text from pg_stat_statements and commits from
 * pg_stat_database (both for the gateway's database only), and the CPU of the gateway JVM and of the PostgreSQL
 * server from /proc. The meter's own queries run in another database (the server's {@code postgres}), so they are
 * in neither count; its own backend's CPU is taken out of the server's.
 */
final class CostMeter implements AutoCloseable {

    /** One pg_stat_statements entry; {@code topLevel} false for statements run inside functions or triggers. */
    record Statement(String query, long calls, double execMs, boolean topLevel) {
    }

    /** Cumulative counters at one instant; statements null when pg_stat_statements is not there. */
    record Snapshot(long nanos, Map<String, Statement> statements, long commits, long gatewayTicks,
                    long postgresTicks) {
    }

    private final Connection connection;
    private final long databaseOid;
    private final String database;
    private final long gatewayPid;
    private final long postmasterPid;
    private final long ownBackendPid;
    private final String statementsQuery;
    final String statementsUnavailable;

    private CostMeter(Connection connection, String database, long gatewayPid) throws SQLException {
        this.connection = connection;
        this.database = database;
        this.gatewayPid = gatewayPid > 0 && ProcCpu.ticks(gatewayPid) >= 0 ? gatewayPid : -1;
        this.databaseOid = longValue("SELECT oid FROM pg_database WHERE datname = ?", database);
        this.ownBackendPid = longValue("SELECT pg_backend_pid()", null);
        // On this host the backend's parent is the postmaster; elsewhere (or in a container) the pid means nothing.
        long parent = ProcCpu.command(ownBackendPid).startsWith("postgres") ? ProcCpu.parent(ownBackendPid) : -1;
        this.postmasterPid = parent > 0 && ProcCpu.command(parent).startsWith("postgres") ? parent : -1;
        // `toplevel` exists from PostgreSQL 14 on; before it, every entry counts as top level.
        boolean hasTopLevel = longValue("SELECT current_setting('server_version_num')::int", null) >= 140000;
        this.statementsQuery = "SELECT queryid, userid, " + (hasTopLevel ? "toplevel" : "true")
                + ", calls, total_exec_time, query FROM pg_stat_statements WHERE dbid = ?";
        String unavailable = null;
        try {
            readStatements();
        } catch (SQLException missing) {
            unavailable = "pg_stat_statements is not loaded in this server (" + missing.getMessage().strip() + ")";
        }
        this.statementsUnavailable = unavailable;
    }

    /** {@code user} and the {@code PGPASSWORD} environment variable, as psql takes them. */
    static CostMeter open(String host, int port, String user, String database, long gatewayPid)
            throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", user);
        String password = System.getenv("PGPASSWORD");
        if (password != null && !password.isEmpty()) {
            login.setProperty("password", password);
        }
        login.setProperty("ApplicationName", "narvark-bench cost meter");
        Connection connection = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres",
                login);
        return new CostMeter(connection, database, gatewayPid);
    }

    boolean measuresCpu() {
        return gatewayPid > 0 && postmasterPid > 0;
    }

    Snapshot snapshot() throws SQLException {
        Map<String, Statement> statements = statementsUnavailable == null ? readStatements() : null;
        long commits = longValue("SELECT xact_commit FROM pg_stat_database WHERE datname = ?", database);
        long server = postmasterPid > 0 ? ProcCpu.serverTicks(postmasterPid) : -1;
        long own = ProcCpu.ticks(ownBackendPid);
        long postgres = server >= 0 && own >= 0 ? server - own : -1;
        return new Snapshot(System.nanoTime(), statements, commits,
                gatewayPid > 0 ? ProcCpu.ticks(gatewayPid) : -1, postgres);
    }

    private Map<String, Statement> readStatements() throws SQLException {
        Map<String, Statement> statements = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(statementsQuery)) {
            query.setLong(1, databaseOid);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String key = rows.getLong(1) + "/" + rows.getLong(2) + "/" + rows.getBoolean(3);
                    statements.put(key, new Statement(rows.getString(6), rows.getLong(4), rows.getDouble(5),
                            rows.getBoolean(3)));
                }
            }
        }
        return statements;
    }

    private long longValue(String sql, String parameter) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            if (parameter != null) {
                query.setString(1, parameter);
            }
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("no answer to " + sql);
                }
                return row.getLong(1);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
