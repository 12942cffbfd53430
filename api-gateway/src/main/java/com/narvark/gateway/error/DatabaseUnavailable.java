package com.narvark.gateway.error;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure that means "PostgreSQL cannot be reached right now" (no connection, a connection lost, the server
 * shutting down or starting) from a defect. Such a request is answered {@code 503 service_unavailable} with
 * {@code Retry-After}: the client should retry (with the same Idempotency-Key, since a commit may have happened).
 */
final class DatabaseUnavailable {

    static final long RETRY_AFTER_SECONDS = 2;
    /** Connection exceptions (class 08) and the server's own shutdown and start-up states. */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03");

    private DatabaseUnavailable() {
    }

    static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLException sql && isUnavailableState(sql.getSQLState())) {
                return true;
            }
            if (t instanceof TransactionSystemException system && system.getOriginalException() != null
                    && system.getOriginalException() != t.getCause() && isCause(system.getOriginalException())) {
                return true;
            }
            // A commit or rollback that failed in JDBC with nothing the translator could classify: its connection
            // is gone. The pool's closed connection says so with no SQLState ("Connection is closed", after a
            // commit that died with PostgreSQL's restart), and Spring throws that rollback failure in place of the
            // commit's own. The commit's outcome is unknown, which is what a 503 tells the client: retry with the
            // same Idempotency-Key (a 500 here answered a send whose OTP had been created, fault suite).
            if (t instanceof TransactionSystemException && t.getCause() instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    static ApiException answer() {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable",
                "the service cannot reach its database right now; retry shortly (with the same Idempotency-Key)",
                null, RETRY_AFTER_SECONDS);
    }

    private static boolean isUnavailableState(String state) {
        return state != null && (state.startsWith("08") || STATES.contains(state));
    }
}
