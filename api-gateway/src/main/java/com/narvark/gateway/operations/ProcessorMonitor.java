package com.narvark.gateway.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Samples the event processors every {@code narvark.operations.processor-refresh} (5 s) on one thread: the head of
 * the event store (one {@code max(globalIndex)}, an index lookup), this node's segments and their positions, and
 * the segments no node has claimed (one small query over the token table). Gauges and the readiness check read
 * the last sample, so neither a scrape nor a probe touches the database.
 */
@Component
class ProcessorMonitor implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessorMonitor.class);

    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final MeterRegistry registry;
    private final Duration refresh;
    private final Set<String> gauged = ConcurrentHashMap.newKeySet();
    private volatile Map<String, ProcessorSample> samples = Map.of();
    private ScheduledExecutorService sampler;

    ProcessorMonitor(EventProcessingConfiguration processing, JdbcClient jdbc,
                     MeterRegistry registry,
                     @Value("${narvark.operations.processor-refresh:5s}") Duration refresh) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.registry = registry;
        this.refresh = refresh;
    }

    /** The last sample per processor, or empty before the first one. */
    Map<String, ProcessorSample> samples() {
        return samples;
    }

    void sample() {
        try {
            long head = jdbc.sql("SELECT coalesce(max(globalindex), -1) FROM domainevententry").query(Long.class)
                    .single();
            Map<String, Long> unclaimed = unclaimedSegments();
            Map<String, ProcessorSample> next = new LinkedHashMap<>();
            processing.eventProcessors().forEach((name, processor) -> {
                if (processor instanceof StreamingEventProcessor streaming) {
                    next.put(name, sample(name, streaming, head, unclaimed.getOrDefault(name, 0L)));
                    gauge(name);
                }
            });
            samples = next;
        } catch (RuntimeException e) {
            LOG.warn("could not sample the event processors: {}", e.toString());
        }
    }

    static ProcessorSample sample(String name, StreamingEventProcessor processor, long head,
                                          long unclaimed) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        long lowest = Long.MAX_VALUE;
        int errored = 0;
        for (EventTrackerStatus segment : status.values()) {
            if (segment.isErrorState()) {
                errored++;
            }
            // A segment that has handled nothing yet (no position) counts as at the start of the stream.
            lowest = Math.min(lowest, segment.getCurrentPosition().orElse(-1));
        }
        // No segment here: this node cannot tell (another may hold them). An empty store: nothing to catch up on.
        Long lag = status.isEmpty() ? null : Math.max(0, head - lowest);
        return new ProcessorSample(name, processor.isRunning(), processor.isError(), status.size(), errored,
                unclaimed, lag);
    }

    private Map<String, Long> unclaimedSegments() {
        Map<String, Long> unclaimed = new LinkedHashMap<>();
        jdbc.sql("SELECT processorname, count(*) FILTER (WHERE owner IS NULL) AS unclaimed FROM tokenentry "
                        + "GROUP BY processorname")
                .query((rs, row) -> unclaimed.put(rs.getString("processorname"), rs.getLong("unclaimed")))
                .list();
        return unclaimed;
    }

    /** Processor names are the application's own (a closed set), so they are safe as labels. */
    private void gauge(String name) {
        if (!gauged.add(name)) {
            return;
        }
        Gauge.builder("narvark.processor.lag", this, m -> m.value(name, ProcessorSample::lagOrNaN))
                .description("Events between the head of the event store and the slowest segment on this node")
                .baseUnit("events").tag("processor", name).register(registry);
        Gauge.builder("narvark.processor.segments.claimed", this, m -> m.value(name, s -> s.claimed()))
                .description("Segments of the processor claimed by this node").tag("processor", name)
                .register(registry);
        Gauge.builder("narvark.processor.segments.errored", this, m -> m.value(name, s -> s.errored()))
                .description("Segments of the processor in error on this node (retrying with backoff)")
                .tag("processor", name).register(registry);
        Gauge.builder("narvark.processor.segments.unclaimed", this, m -> m.value(name, s -> s.unclaimed()))
                .description("Segments of the processor no node has claimed (all nodes)").tag("processor", name)
                .register(registry);
    }

    private double value(String name, ToDoubleFunction<ProcessorSample> metric) {
        ProcessorSample sample = samples.get(name);
        return sample == null ? Double.NaN : metric.applyAsDouble(sample);
    }

    @Override
    public synchronized void start() {
        sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "processor-monitor");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleWithFixedDelay(this::sample, 0, refresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (sampler != null) {
            sampler.shutdownNow();
            sampler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return sampler != null;
    }

    /** Processors start in a late lifecycle phase; sampling starts after them and stops before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    record ProcessorSample(String name, boolean running, boolean error, int claimed, int errored, long unclaimed,
                           Long lag) {

        double lagOrNaN() {
            return lag == null ? Double.NaN : lag;
        }
    }
}
