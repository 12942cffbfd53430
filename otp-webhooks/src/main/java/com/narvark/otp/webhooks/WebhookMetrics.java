package com.narvark.otp.webhooks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Webhook meters: attempt outcomes, and the backlog — deliveries due now (as the sender would claim them: pending,
 * due, endpoint enabled, not waiting behind an older delivery of the endpoint) and how long the oldest of them has
 * been due. The backlog is one indexed query every {@code narvark.webhooks.metrics.refresh} (10 s) on one thread,
 * whatever the scrape rate; the gauges read the last answer. Every node reports the same global backlog.
 */
@Component
class WebhookMetrics implements SmartLifecycle {

    static final List<String> OUTCOMES = List.of("succeeded", "retrying", "failed", "gone");
    private static final Logger LOG = LoggerFactory.getLogger(WebhookMetrics.class);

    private final JdbcClient jdbc;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Duration refresh;
    private volatile Backlog backlog = new Backlog(0, null);
    private ScheduledExecutorService refresher;

    WebhookMetrics(JdbcClient jdbc, MeterRegistry registry, Clock clock,
                   @Value("${narvark.webhooks.metrics.refresh:10s}") Duration refresh) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.clock = clock;
        this.refresh = refresh;
        OUTCOMES.forEach(this::attempts);
        Gauge.builder("narvark.webhook.backlog.due", this, m -> m.backlog.due())
                .description("Webhook deliveries due now and not yet sent (all nodes)").register(registry);
        Gauge.builder("narvark.webhook.backlog.oldest_due_age", this, WebhookMetrics::oldestDueSeconds)
                .description("How long the oldest due webhook delivery has been waiting").baseUnit("seconds")
                .register(registry);
    }

    /** One attempt's outcome: succeeded, retrying (failed, retry scheduled), failed (gave up), gone (410). */
    void attempted(String outcome) {
        attempts(outcome).increment();
    }

    private Counter attempts(String outcome) {
        return Counter.builder("narvark.webhook.attempts").description("Webhook delivery attempts by outcome")
                .tag("outcome", outcome).register(registry);
    }

    private double oldestDueSeconds() {
        Instant oldest = backlog.oldestDueAt();
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }

    void refresh() {
        try {
            backlog = jdbc.sql("""
                    SELECT count(*) AS due, min(d.next_attempt_at) AS oldest FROM otp_webhooks.webhook_deliveries d
                    JOIN otp_webhooks.webhook_endpoints e ON e.endpoint_id = d.endpoint_id
                    WHERE d.status = 'pending' AND d.next_attempt_at <= now() AND e.enabled
                      AND NOT EXISTS (SELECT 1 FROM otp_webhooks.webhook_deliveries older
                                      WHERE older.endpoint_id = d.endpoint_id AND older.status = 'pending'
                                        AND older.seq < d.seq AND older.next_attempt_at > now())
                    """)
                    .query((rs, row) -> new Backlog(rs.getLong("due"), rs.getTimestamp("oldest") == null ? null
                            : rs.getTimestamp("oldest").toInstant()))
                    .single();
        } catch (RuntimeException e) {
            LOG.warn("could not measure the webhook backlog: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "webhook-metrics");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(this::refresh, 0, refresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (refresher != null) {
            refresher.shutdownNow();
            refresher = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return refresher != null;
    }

    private record Backlog(long due, Instant oldestDueAt) {
    }
}
