package com.narvark.gateway.cost;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The test's own look into the database, on a connection of its own outside the application's counted DataSource:
 * it waits for asynchronous work without adding status polls to the count, and reads PostgreSQL's transaction
 * counts for the cross-check. Its queries run in autocommit, one transaction each; it counts them, so that the
 * cross-check can take them out.
 */
final class UncountedProbe implements AutoCloseable {

    private final Connection connection;
    private long queries;

    UncountedProbe(String jdbcUrl) throws SQLException {
        this.connection = DriverManager.getConnection(jdbcUrl);
    }

    /** Transactions PostgreSQL has ended in this database so far (published up to a second late). */
    record Transactions(long committed, long rolledBack) {
    }

    Transactions transactions() {
        queries++;
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT xact_commit, xact_rollback FROM pg_stat_database WHERE datname = current_database()");
             ResultSet row = query.executeQuery()) {
            row.next();
            return new Transactions(row.getLong(1), row.getLong(2));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the status read model holds the OTP with this condition, e.g. {@code delivered_at IS NOT NULL}. */
    boolean projected(String otpId, String condition) {
        return longValue("SELECT count(*) FROM otp_query.otp_status WHERE otp_id = ? AND " + condition, otpId) > 0;
    }

    /** Queries run so far, each one committed transaction. */
    long queries() {
        return queries;
    }

    private long longValue(String sql, String parameter) {
        queries++;
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
