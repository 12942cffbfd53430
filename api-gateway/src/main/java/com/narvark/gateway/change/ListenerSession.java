package com.narvark.gateway.change;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * One listening connection of the change feed, used by the feed's thread only. It is a connection of its own, not
 * one of the pool's: it is held for the node's life, and a pooled connection returned with its LISTENs still active
 * would keep collecting notifications nobody reads. It carries {@value #APPLICATION_NAME} as its
 * {@code application_name}, so operators (and tests) can find it in {@code pg_stat_activity}.
 */
final class ListenerSession implements AutoCloseable {

    static final String APPLICATION_NAME = "narvark-change-feed";
    private static final String SELF_CHECK = "narvark_change_feed";
    private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final PGNotification[] NONE = new PGNotification[0];

    private final Connection connection;
    private final boolean pooled;
    private final PGConnection notifications;
    /** The empty query: a round trip that PostgreSQL counts as neither a statement nor a transaction. */
    private final PreparedStatement probe;

    private ListenerSession(Connection connection, boolean pooled) throws SQLException {
        this.connection = connection;
        this.pooled = pooled;
        try {
            connection.setAutoCommit(true);
            this.notifications = connection.unwrap(PGConnection.class);
            this.probe = connection.prepareStatement("");
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * A direct connection with the pool's settings when the data source is Hikari (always, in the gateway);
     * otherwise one borrowed from the data source. A read blocked longer than {@code socketTimeout} fails, so a
     * connection the network silently dropped is noticed and replaced.
     */
    static ListenerSession open(DataSource dataSource, Duration socketTimeout) throws SQLException {
        if (dataSource.isWrapperFor(HikariDataSource.class)) {
            HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
            if (pool.getJdbcUrl() != null) {
                Properties properties = new Properties();
                properties.putAll(pool.getDataSourceProperties());
                if (pool.getUsername() != null) {
                    properties.setProperty("user", pool.getUsername());
                }
                if (pool.getPassword() != null) {
                    properties.setProperty("password", pool.getPassword());
                }
                properties.setProperty("ApplicationName", APPLICATION_NAME);
                properties.setProperty("socketTimeout", Long.toString(Math.max(1, socketTimeout.toSeconds())));
                properties.setProperty("connectTimeout", Long.toString(Math.max(1, socketTimeout.toSeconds())));
                return new ListenerSession(DriverManager.getConnection(pool.getJdbcUrl(), properties), false);
            }
        }
        Connection borrowed = dataSource.getConnection();
        try (Statement statement = borrowed.createStatement()) {
            statement.execute("SET application_name = '" + APPLICATION_NAME + "'");
        } catch (SQLException e) {
            borrowed.close();
            throw e;
        }
        return new ListenerSession(borrowed, true);
    }

    void listen(String channel) throws SQLException {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("not a channel name: " + channel);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + channel);
        }
    }

    /**
     * Sends a notice through another connection (the pool's) and waits for it here, once per connection: behind a
     * proxy that pools by transaction (PgBouncer's transaction mode), LISTEN seems to work but nothing arrives, and
     * the caches would trust a feed that hears nothing. Then this fails, and the feed never counts as up to date.
     */
    void checkDelivery(DataSource pool, Duration timeout) throws SQLException {
        String token = UUID.randomUUID().toString();
        listen(SELF_CHECK);
        try (Connection sender = pool.getConnection();
             PreparedStatement notify = sender.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, SELF_CHECK);
            notify.setString(2, token);
            notify.execute();
            if (!sender.getAutoCommit()) {
                sender.commit();
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (PGNotification notification : await((int) ((deadline - System.nanoTime()) / 1_000_000))) {
                if (SELF_CHECK.equals(notification.getName()) && token.equals(notification.getParameter())) {
                    return; // anything else that came first is older than every subscriber's resume
                }
            }
        }
        throw new SQLException("a notification sent through the pool did not arrive on the listening connection"
                + " (is a transaction-pooling proxy in between?)");
    }

    /**
     * One round trip. PostgreSQL sends a listener its pending notifications before it reads the next command, so
     * once the answer is back, every notification committed before the probe was sent has arrived.
     */
    void probe() throws SQLException {
        probe.execute();
    }

    /** Notifications that arrived, waiting up to {@code millis} (at least 1) for the first one. */
    PGNotification[] await(int millis) throws SQLException {
        PGNotification[] arrived = notifications.getNotifications(Math.max(1, millis));
        return arrived == null ? NONE : arrived;
    }

    /** Notifications that already arrived, without waiting. */
    PGNotification[] arrived() throws SQLException {
        PGNotification[] arrived = notifications.getNotifications();
        return arrived == null ? NONE : arrived;
    }

    @Override
    public void close() {
        try {
            if (pooled && !connection.isClosed()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("UNLISTEN *"); // back in the pool, it must not collect notifications
                    statement.execute("RESET application_name");
                }
            }
        } catch (SQLException broken) {
            // a broken connection listens to nothing any more
        }
        try {
            connection.close();
        } catch (SQLException alreadyGone) {
            // nothing left to release
        }
    }
}
