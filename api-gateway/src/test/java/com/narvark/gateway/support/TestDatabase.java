package com.narvark.gateway.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL the integration tests run against, with fresh databases per test JVM: on a Testcontainers
 * PostgreSQL when Docker is available; otherwise on the server named by {@code NARVARK_TEST_DATABASE_URL} (a JDBC
 * URL of an existing database whose user may create databases, e.g. CI's local PostgreSQL); otherwise on an
 * embedded PostgreSQL. Never H2. Applications wired differently get databases of their own, so their event
 * processors never share tokens.
 */
public final class TestDatabase {

    public static final String ENVIRONMENT_VARIABLE = "NARVARK_TEST_DATABASE_URL";
    private static String serverUrl;
    private static final Map<String, String> DATABASES = new HashMap<>();

    private TestDatabase() {
    }

    /** The database of the applications wired with the default (sandbox) carriers. */
    public static String jdbcUrl() {
        return jdbcUrl("main");
    }

    public static synchronized String jdbcUrl(String purpose) {
        if (serverUrl == null) {
            serverUrl = startServer();
        }
        return DATABASES.computeIfAbsent(purpose, ignored -> createDatabase(serverUrl));
    }

    private static String startServer() {
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
            container.start();
            return container.getJdbcUrl() + "&user=" + container.getUsername() + "&password="
                    + container.getPassword();
        }
        String configured = System.getenv(ENVIRONMENT_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return configured;
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
    private static String createDatabase(String server) {
        String name = "narvark_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(server);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database", e);
        }
        return server.replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
    }
}
