package com.narvark.otp.delivery;

import com.narvark.otp.api.RandomIds;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link NodeLiveness} over the {@code delivery_nodes} table: each node refreshes its row every
 * {@value #BEAT_MILLIS} ms (on the database's clock) and removes it on a clean shutdown, after its carrier workers
 * drained (the dispatcher depends on this bean, so it is destroyed first). A node is gone when its row is missing
 * or older than the silence limit; while this node's own beats are failing, or only just recovered, nobody is
 * declared gone, so a database outage that silenced every node never triggers a resend of queued messages.
 * <p>
 * Beats go over a connection of their own, held for the node's life: with a shared pool, an overloaded node whose
 * requests hold every connection fell silent while alive, and another node resent its queued messages (doubles at
 * the SMSC in the fault suite).
 */
@Component
class NodeHeartbeats implements NodeLiveness, InitializingBean, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(NodeHeartbeats.class);
    static final long BEAT_MILLIS = 500;

    /** Random on purpose: a restarted process must be a new node, whatever its host or pid. */
    private final String self;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Duration silence;
    private final Clock clock;
    /** Used by the beat thread only. */
    private Connection beatConnection;
    private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "delivery-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    /** Nodes already logged as gone, so a dead node is announced once, not for every message it held. */
    private final Set<String> declaredGone = ConcurrentHashMap.newKeySet();
    /** Start of the current unbroken run of successful beats; null while they fail. */
    private volatile Instant beatingSince;

    NodeHeartbeats(JdbcClient jdbc, DataSource dataSource, DeliverySettings settings, Clock clock,
                   SecureRandom random) {
        this.self = RandomIds.base32(random, 26);
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.clock = clock;
        this.silence = settings.nodeSilence();
    }

    /** Registered before any delivery process can hand this node a message (the dispatcher depends on this bean). */
    @Override
    public void afterPropertiesSet() {
        jdbc.sql("INSERT INTO otp_delivery.delivery_nodes (node_id) VALUES (?)").param(self).update();
        beatingSince = clock.instant();
        // Rows of nodes that died long ago: nothing can be waiting on them any more.
        jdbc.sql("DELETE FROM otp_delivery.delivery_nodes WHERE seen_at < now() - interval '1 day'").update();
        beats.scheduleWithFixedDelay(this::beat, BEAT_MILLIS, BEAT_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void beat() {
        try {
            if (beatConnection == null) {
                beatConnection = dataSource.getConnection();
                beatConnection.setAutoCommit(true);
            }
            try (PreparedStatement update = beatConnection.prepareStatement(
                    "INSERT INTO otp_delivery.delivery_nodes (node_id) VALUES (?) "
                            + "ON CONFLICT (node_id) DO UPDATE SET seen_at = now()")) {
                update.setString(1, self);
                update.executeUpdate();
            }
            if (beatingSince == null) {
                beatingSince = clock.instant();
            }
        } catch (SQLException | RuntimeException unreachable) {
            if (beatingSince != null) {
                LOG.warn("delivery heartbeat failed: {}", unreachable.toString());
            }
            beatingSince = null;
            closeBeatConnection();
        }
    }

    private void closeBeatConnection() {
        if (beatConnection != null) {
            try {
                beatConnection.close();
            } catch (SQLException alreadyBroken) {
                // the pool evicts it
            }
            beatConnection = null;
        }
    }

    @Override
    public String self() {
        return self;
    }

    @Override
    public boolean gone(String node) {
        if (node == null || node.equals(self)) {
            return false;
        }
        Instant since = beatingSince;
        if (since == null || since.isAfter(clock.instant().minus(silence).minusMillis(BEAT_MILLIS))) {
            return false; // this node's own view is not to be trusted yet
        }
        boolean gone = jdbc.sql("SELECT seen_at < now() - make_interval(secs => ?) FROM otp_delivery.delivery_nodes "
                        + "WHERE node_id = ?")
                .params(silence.toMillis() / 1000.0, node)
                .query(Boolean.class).optional().orElse(true);
        if (gone && declaredGone.add(node)) {
            LOG.info("delivery node {} is gone (no heartbeat for {} ms or no row): its unsent messages are sent again",
                    node, silence.toMillis());
        }
        return gone;
    }

    @Override
    public void destroy() throws InterruptedException {
        beats.shutdownNow();
        beats.awaitTermination(2, TimeUnit.SECONDS);
        closeBeatConnection();
        try {
            jdbc.sql("DELETE FROM otp_delivery.delivery_nodes WHERE node_id = ?").param(self).update();
        } catch (RuntimeException unreachable) {
            LOG.warn("could not remove this node's heartbeat row: {}", unreachable.toString());
        }
    }
}
