package com.narvark.gateway.change;

import com.narvark.otp.api.change.ChangeFeed;
import com.narvark.otp.api.change.ChangeSubscriber;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The change feed over PostgreSQL LISTEN/NOTIFY: one daemon thread per node holds one listening connection
 * ({@link ListenerSession}), hands each notification to the channel's subscribers, and probes the connection every
 * {@code narvark.change-feed.probe-interval}. It counts as up to date only while the last answered probe was sent
 * within {@code narvark.change-feed.max-silence}: a connection that died quietly (a firewall dropping it, a stalled
 * network) stops the caches within that time, not when TCP finally notices. A failed connection is replaced after
 * {@code narvark.change-feed.retry-delay}, doubling up to 5 s while it keeps failing; meanwhile every subscriber has
 * been told {@code lost()} and reads go to the database.
 */
@Component
class PostgresChangeFeed implements ChangeFeed, SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresChangeFeed.class);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(5);
    private static final long LAST_RETRY_MILLIS = 5_000;

    private final DataSource dataSource;
    private final long probeNanos;
    private final long maxSilenceNanos;
    private final long firstRetryMillis;
    private final FeedSubscriptions subscriptions = new FeedSubscriptions();
    private volatile boolean running;
    private volatile Thread thread;
    /** Whether {@link #confirmedAt} belongs to the current connection. */
    private volatile boolean confirmed;
    /** {@code System.nanoTime()} when the last probe answered was sent. */
    private volatile long confirmedAt;

    PostgresChangeFeed(DataSource dataSource,
                       @Value("${narvark.change-feed.probe-interval:250ms}") Duration probeInterval,
                       @Value("${narvark.change-feed.max-silence:750ms}") Duration maxSilence,
                       @Value("${narvark.change-feed.retry-delay:100ms}") Duration retryDelay,
                       MeterRegistry registry) {
        if (probeInterval.isNegative() || probeInterval.isZero() || probeInterval.compareTo(maxSilence) >= 0) {
            // Otherwise the feed would count as silent between two healthy probes, and no cache would ever serve.
            throw new IllegalArgumentException("narvark.change-feed.probe-interval must be above 0 and below "
                    + "narvark.change-feed.max-silence");
        }
        this.dataSource = dataSource;
        this.probeNanos = probeInterval.toNanos();
        this.maxSilenceNanos = maxSilence.toNanos();
        this.firstRetryMillis = Math.max(1, retryDelay.toMillis());
        Gauge.builder("narvark.change.feed.live", this, feed -> feed.upToDate() ? 1 : 0)
                .description("1 while the change feed is listening and up to date (the caches serve), 0 otherwise")
                .register(registry);
    }

    @Override
    public void subscribe(String channel, ChangeSubscriber subscriber) {
        subscriptions.add(channel, subscriber);
    }

    @Override
    public void afterCommit(Runnable action) {
        AfterCommit.run(action);
    }

    @Override
    public boolean upToDate() {
        return confirmed && System.nanoTime() - confirmedAt < maxSilenceNanos;
    }

    @Override
    public void start() {
        running = true;
        Thread listener = new Thread(this::run, "change-feed");
        listener.setDaemon(true);
        thread = listener;
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread listener = thread;
        if (listener != null) {
            try {
                listener.join(TimeUnit.NANOSECONDS.toMillis(probeNanos) + 2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        long retryMillis = firstRetryMillis;
        boolean failing = false;
        while (running) {
            try (ListenerSession session = ListenerSession.open(dataSource, SOCKET_TIMEOUT)) {
                session.checkDelivery(dataSource, SOCKET_TIMEOUT);
                Set<String> listened = new HashSet<>();
                long lastProbe = 0;
                while (running) {
                    boolean newcomers = subscriptions.listenForNewcomers(session, listened);
                    long now = System.nanoTime();
                    if (newcomers || !confirmed || now - lastProbe >= probeNanos) {
                        session.probe();
                        subscriptions.dispatch(session.arrived());
                        confirmedAt = now;
                        confirmed = true;
                        lastProbe = now;
                        subscriptions.resumeNewcomers();
                        if (failing) {
                            LOG.info("change feed listening again: caches serve again");
                            failing = false;
                        }
                        retryMillis = firstRetryMillis;
                    }
                    long untilProbe = probeNanos - (System.nanoTime() - lastProbe);
                    subscriptions.dispatch(
                            session.await((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(untilProbe))));
                }
            } catch (SQLException | RuntimeException failure) {
                if (running && !failing) {
                    LOG.warn("change feed lost its connection, caches bypassed until it listens again: {}",
                            failure.toString());
                }
                failing = running;
            } finally {
                loseAll();
            }
            if (running) {
                sleep(retryMillis);
                retryMillis = Math.max(firstRetryMillis, Math.min(retryMillis * 2, LAST_RETRY_MILLIS));
            }
        }
    }

    private void loseAll() {
        confirmed = false;
        subscriptions.loseAll();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
