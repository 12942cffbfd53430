package com.narvark.gateway.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL the integration tests run against, one fresh database per test JVM: a Testcontainers PostgreSQL
 * when Docker is available; otherwise a new database on the server named by {@code NARVARK_TEST_DATABASE_URL}
 * (a JDBC URL of an existing database whose user may create databases, e.g. CI's local PostgreSQL); otherwise an
 * embedded PostgreSQL. Never H2.
 */
public final class TestDatabase {

    public static final String ENVIRONMENT_VARIABLE = "NARVARK_TEST_DATABASE_URL";
    private static String jdbcUrl;

    private TestDatabase() {
    }

    public static synchronized String jdbcUrl() {
        if (jdbcUrl == null) {
            jdbcUrl = start();
        }
        return jdbcUrl;
    }

    private static String start() {
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
            container.start();
            return container.getJdbcUrl() + "&user=" + container.getUsername() + "&password="
                    + container.getPassword();
        }
        String serverUrl = System.getenv(ENVIRONMENT_VARIABLE);
        if (serverUrl != null && !serverUrl.isBlank()) {
            return createDatabase(serverUrl);
        }
        try {
            return EmbeddedPostgres.builder().start().getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new IllegalStateException("cannot start an embedded PostgreSQL for the tests", e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** {@code jdbc:postgresql://host:port/db?params} → the same server, a new database {@code narvark_it_…}. */
    private static String createDatabase(String serverUrl) {
        String name = "narvark_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(serverUrl);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + ENVIRONMENT_VARIABLE, e);
        }
        return serverUrl.replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
    }
}
