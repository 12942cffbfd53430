package com.narvark.gateway.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures answer 503 (the database is away, retry) and which stay defects (500). */
class DatabaseUnavailableTest {

    @Test
    void shouldTakeARollbackThatFailedOnAClosedConnectionForTheDatabaseBeingAway() {
        // What Spring throws when a commit dies with the server's restart and the rollback after it finds the pooled
        // connection closed: the rollback's failure, with no SQLState, in place of the commit's.
        TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        assertThat(DatabaseUnavailable.isCause(new IllegalStateException("unit of work", rollbackFailed))).isTrue();
    }

    @Test
    void shouldTakeConnectionStatesAndTheServersShutdownForTheDatabaseBeingAway() {
        assertThat(DatabaseUnavailable.isCause(new RuntimeException(new SQLException("gone", "08006")))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new RuntimeException(new SQLException("admin", "57P01")))).isTrue();
    }

    @Test
    void shouldLeaveOtherFailuresDefects() {
        assertThat(DatabaseUnavailable.isCause(new DataIntegrityViolationException("duplicate",
                new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new TransactionSystemException("no SQL cause"))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new IllegalStateException("a bug"))).isFalse();
    }
}
