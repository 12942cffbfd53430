package com.narvark.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** What one load step measured. Latencies are recorded in microseconds. */
final class StepMetrics {

    final String name;
    final int targetRate;
    final int seconds;
    final Histogram send = histogram();
    final Histogram dispatchSandbox = histogram();
    final Histogram dispatchSmpp = histogram();
    final Histogram dispatch = histogram();
    final Histogram verify = histogram();
    final Histogram projectionLag = histogram();
    final AtomicLong started = new AtomicLong();
    final AtomicLong completed = new AtomicLong();
    final AtomicLong sendOnly = new AtomicLong();
    final AtomicLong inFlight = new AtomicLong();
    final AtomicLong maxGeneratorLagNanos = new AtomicLong();
    final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    /** Requests of the lifecycles (sends, verifies, status polls); the inbox reads after the step are not in it. */
    final AtomicLong httpRequests = new AtomicLong();
    /** What the step cost the gateway and PostgreSQL; null when not measured. */
    volatile Cost cost;
    volatile long startNanos;
    volatile long lastCompletionNanos;

    StepMetrics(String name, int targetRate, int seconds) {
        this.name = name;
        this.targetRate = targetRate;
        this.seconds = seconds;
    }

    private static Histogram histogram() {
        return new ConcurrentHistogram(1, 600_000_000L, 3);
    }

    static void record(Histogram histogram, long micros) {
        histogram.recordValue(Math.max(1, Math.min(micros, 600_000_000L)));
    }

    void error(String kind) {
        errors.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        inFlight.decrementAndGet();
    }

    /** A lifecycle ended well; only full ones (verified, delivered, visible) count as lifecycles. */
    void complete(long nowNanos, boolean fullLifecycle) {
        if (fullLifecycle) {
            completed.incrementAndGet();
            lastCompletionNanos = Math.max(lastCompletionNanos, nowNanos);
        } else {
            sendOnly.incrementAndGet();
        }
        inFlight.decrementAndGet();
    }

    long errorCount() {
        return errors.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** Completed lifecycles per second, over the step or until the last one completed, whichever is longer. */
    double lifecyclesPerSecond() {
        double elapsed = Math.max(seconds, (lastCompletionNanos - startNanos) / 1e9);
        return completed.get() / elapsed;
    }

    double sendsPerSecond() {
        return started.get() / (double) seconds;
    }

    static double ms(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    boolean passed(double dispatchTargetMs) {
        return errorCount() == 0 && completed.get() + sendOnly.get() == started.get() && started.get() > 0
                && ms(dispatch, 99) < dispatchTargetMs;
    }

    Map<String, Object> toJson(double dispatchTargetMs) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("step", name);
        json.put("target_rate_per_s", targetRate);
        json.put("seconds", seconds);
        json.put("sends_started", started.get());
        json.put("sends_per_s", round(sendsPerSecond()));
        json.put("lifecycles_completed", completed.get());
        json.put("sandbox_sends", sendOnly.get());
        json.put("lifecycles_per_s", round(lifecyclesPerSecond()));
        json.put("errors", new TreeMap<>(errors.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()))));
        json.put("generator_max_lag_ms", round(maxGeneratorLagNanos.get() / 1e6));
        json.put("send_ms", percentiles(send));
        json.put("dispatch_ms", percentiles(dispatch));
        json.put("dispatch_sandbox_ms", percentiles(dispatchSandbox));
        json.put("dispatch_smpp_ms", percentiles(dispatchSmpp));
        json.put("verify_ms", percentiles(verify));
        json.put("projection_lag_ms", percentiles(projectionLag));
        json.put("passed", passed(dispatchTargetMs));
        if (cost != null && started.get() > 0) {
            json.put("cost_per_otp", cost.divided(started.get()));
            json.put("cost_window", cost.totals(started.get(), httpRequests.get()));
            json.put("top_statements", cost.topStatements(15, started.get()));
        }
        return json;
    }

    static Map<String, Object> percentiles(Histogram histogram) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("count", histogram.getTotalCount());
        for (double p : new double[] {50, 90, 99, 99.9}) {
            json.put("p" + (p == Math.rint(p) ? String.valueOf((int) p) : String.valueOf(p)), round(ms(histogram, p)));
        }
        json.put("max", round(histogram.getTotalCount() == 0 ? Double.NaN : histogram.getMaxValue() / 1000.0));
        return json;
    }

    static Object round(double value) {
        return Double.isNaN(value) ? null : Math.round(value * 100) / 100.0;
    }

    static Object round4(double value) {
        return Double.isNaN(value) ? null : Math.round(value * 10000) / 10000.0;
    }
}
