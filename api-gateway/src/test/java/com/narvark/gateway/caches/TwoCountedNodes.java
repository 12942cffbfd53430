package com.narvark.gateway.caches;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.Await;
import com.narvark.gateway.support.Nodes;
import com.narvark.gateway.support.TestDatabase;
import com.narvark.otp.api.change.ChangeFeed;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two gateway nodes on a database of their own (no other test's node reads or notifies there), each recording the
 * statements it runs ({@link CountedStatements}) and claiming event processor segments as a node of its own (every
 * context names its token claims uniquely: AxonStorageAutoConfiguration).
 */
abstract class TwoCountedNodes {

    static final String UNKNOWN_OTP = "/v1/otp/otp_00000000000000000000000000";
    /** The promise: a change stops being served stale on every node within this. */
    static final Duration PROMISE = Duration.ofSeconds(1);

    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;
    static Api one;
    static Api two;

    @BeforeAll
    static void startNodes() {
        // A lost listener waits 3 s before it reconnects, so a test can act while it is down.
        Map<String, Object> settings = Map.of("spring.datasource.url", database(),
                "spring.main.sources", CountedStatements.class.getName(),
                "narvark.change-feed.retry-delay", "3s");
        first = Nodes.start(settings);
        second = Nodes.start(settings);
        one = Nodes.api(first);
        two = Nodes.api(second);
    }

    @AfterAll
    static void stopNodes() {
        second.close();
        first.close();
    }

    static String database() {
        return TestDatabase.jdbcUrl("caches");
    }

    /** Until both nodes' change feeds listen: before that their caches serve nothing. */
    static void awaitFeedsListening() {
        Await.until(() -> listening(first) && listening(second), Duration.ofSeconds(15));
    }

    static boolean listening(ConfigurableApplicationContext node) {
        return node.getBean(ChangeFeed.class).upToDate();
    }

    /** Kills both nodes' listening connections, as a database restart or a network cut would; answers how many. */
    static long killListeners() {
        return count("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity "
                + "WHERE application_name = 'narvark-change-feed' AND datname = current_database()");
    }

    static CountedStatements counted(ConfigurableApplicationContext node) {
        return CountedStatements.of(node);
    }

    /** A new account (through the first node): its id and keys. */
    static Account newAccount() {
        Api.Response created = one.post("/v1/admin/accounts", Nodes.ADMIN, "{\"name\":\"cache test\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String liveId = null;
        String live = null;
        String test = null;
        for (JsonNode key : created.json().get("keys")) {
            if (key.get("livemode").asBoolean()) {
                liveId = key.get("id").asString();
                live = key.get("secret").asString();
            } else {
                test = key.get("secret").asString();
            }
        }
        return new Account(created.text("id"), liveId, live, test);
    }

    record Account(String id, String liveKeyId, String live, String test) {
    }

    /** The key authenticates on both nodes (an unknown OTP: 404, not 401), so both caches now hold it. */
    static void authenticatesOnBoth(String key) {
        for (int i = 0; i < 3; i++) {
            assertThat(one.get(UNKNOWN_OTP, key).status()).isEqualTo(404);
            assertThat(two.get(UNKNOWN_OTP, key).status()).isEqualTo(404);
        }
    }

    /** Fails unless {@code answer} gives {@code expected} within the promise, measured from the call. */
    static Duration within(Duration limit, int expected, IntSupplier answer) {
        long start = System.nanoTime();
        while (true) {
            int status = answer.getAsInt();
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            if (status == expected) {
                return waited;
            }
            assertThat(waited).as("still answering " + status + " instead of " + expected).isLessThan(limit);
            sleep(20);
        }
    }

    /** SQL straight on the database, as an operator's psql session would run it. */
    static int sql(String statement, Object... params) {
        try (Connection connection = DriverManager.getConnection(database());
             PreparedStatement prepared = connection.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                prepared.setObject(i + 1, params[i]);
            }
            return prepared.execute() ? -1 : prepared.getUpdateCount();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(String query, Object... params) {
        try (Connection connection = DriverManager.getConnection(database());
             PreparedStatement prepared = connection.prepareStatement(query)) {
            for (int i = 0; i < params.length; i++) {
                prepared.setObject(i + 1, params[i]);
            }
            try (var rows = prepared.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
