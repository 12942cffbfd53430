package com.narvark.otp.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link NodeLiveness} over the {@code delivery_nodes} table: each node refreshes its row every
 * {@value #BEAT_MILLIS} ms (on the database's clock) and removes it on a clean shutdown, after its carrier workers
 * drained (the dispatcher depends on this bean, so it is destroyed first). A node is gone when its row is missing
 * or older than the silence limit; while this node's own beats are failing, or only just recovered, nobody is
 * declared gone, so a database outage that silenced every node never triggers a resend of queued messages.
 */
@Component
class NodeHeartbeats implements NodeLiveness, InitializingBean, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(NodeHeartbeats.class);
    static final long BEAT_MILLIS = 500;

    private final String self = UUID.randomUUID().toString();
    private final JdbcClient jdbc;
    private final Duration silence;
    private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "delivery-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    /** Start of the current unbroken run of successful beats; null while they fail. */
    private volatile Instant beatingSince;

    NodeHeartbeats(JdbcClient jdbc, DeliverySettings settings) {
        this.jdbc = jdbc;
        this.silence = settings.nodeSilence();
    }

    /** Registered before any saga can hand this node a message (the dispatcher depends on this bean). */
    @Override
    public void afterPropertiesSet() {
        jdbc.sql("INSERT INTO delivery_nodes (node_id) VALUES (?)").param(self).update();
        beatingSince = Instant.now();
        // Rows of nodes that died long ago: nothing can be waiting on them any more.
        jdbc.sql("DELETE FROM delivery_nodes WHERE seen_at < now() - interval '1 day'").update();
        beats.scheduleWithFixedDelay(this::beat, BEAT_MILLIS, BEAT_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void beat() {
        try {
            int updated = jdbc.sql("UPDATE delivery_nodes SET seen_at = now() WHERE node_id = ?").param(self).update();
            if (updated == 0) {
                jdbc.sql("INSERT INTO delivery_nodes (node_id) VALUES (?) ON CONFLICT DO NOTHING").param(self)
                        .update();
            }
            if (beatingSince == null) {
                beatingSince = Instant.now();
            }
        } catch (RuntimeException unreachable) {
            if (beatingSince != null) {
                LOG.warn("delivery heartbeat failed: {}", unreachable.toString());
            }
            beatingSince = null;
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
        if (since == null || since.isAfter(Instant.now().minus(silence).minusMillis(BEAT_MILLIS))) {
            return false; // this node's own view is not to be trusted yet
        }
        return jdbc.sql("SELECT seen_at < now() - make_interval(secs => ?) FROM delivery_nodes WHERE node_id = ?")
                .params(silence.toMillis() / 1000.0, node)
                .query(Boolean.class).optional().orElse(true);
    }

    @Override
    public void destroy() {
        beats.shutdownNow();
        try {
            jdbc.sql("DELETE FROM delivery_nodes WHERE node_id = ?").param(self).update();
        } catch (RuntimeException unreachable) {
            LOG.warn("could not remove this node's heartbeat row: {}", unreachable.toString());
        }
    }
}
