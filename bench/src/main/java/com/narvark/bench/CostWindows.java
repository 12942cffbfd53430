package com.narvark.bench;

import java.sql.SQLException;
import java.util.Map;

/**
 * The run's cost windows: one idle window before the ladder (no load at all: what polling costs), then one per
 * step, from just before its first send until its last lifecycle finished plus {@link #STATS_FLUSH_MILLIS}.
 * Warm-up and start-up fall in no window. Measuring never fails the run: a meter that cannot read says so once.
 */
final class CostWindows implements AutoCloseable {

    /**
     * PostgreSQL publishes a backend's commit counts when it goes idle, at most once a second (one that reported
     * less than a second before waits up to 10 s). The window stays open this long after the step's last lifecycle
     * so that the busy backends' last commits are in it; the rest is a few transactions at either edge.
     * pg_stat_statements and /proc are current at once.
     */
    private static final long STATS_FLUSH_MILLIS = 1_500;

    private final CostMeter meter;
    private final int clockTicks;
    private Cost idle;

    private CostWindows(CostMeter meter, int clockTicks) {
        this.meter = meter;
        this.clockTicks = clockTicks;
    }

    static CostWindows open(Options.Measuring measuring) {
        if (measuring.pgHost().isEmpty()) {
            System.out.println("cost per OTP not measured: no --pg-host");
            return new CostWindows(null, measuring.clockTicks());
        }
        try {
            CostMeter meter = CostMeter.open(measuring.pgHost(), measuring.pgPort(), measuring.pgUser(),
                    measuring.database(), measuring.gatewayPid());
            if (meter.statementsUnavailable != null) {
                System.out.println("statements not measured: " + meter.statementsUnavailable);
            }
            if (!meter.measuresCpu()) {
                System.out.println("CPU not measured: the gateway's pid or PostgreSQL's processes are not on this "
                        + "host's /proc");
            }
            return new CostWindows(meter, measuring.clockTicks());
        } catch (SQLException e) {
            System.out.println("cost per OTP not measured: " + e.getMessage());
            return new CostWindows(null, measuring.clockTicks());
        }
    }

    /** The idle window: nothing is sent for {@code seconds}, after a few seconds for the warm-up's tail. */
    void measureIdle(int seconds) throws InterruptedException {
        if (meter == null || seconds <= 0) {
            return;
        }
        Thread.sleep(3_000);
        CostMeter.Snapshot before = snapshot();
        Thread.sleep(seconds * 1_000L);
        CostMeter.Snapshot after = snapshot();
        if (before != null && after != null) {
            idle = Cost.between(before, after, clockTicks);
            System.out.printf("idle %d s, no load: %s%n", seconds, idle.line(idle.seconds, "s"));
            System.out.print(idle.topLines(5, idle.seconds, "s"));
        }
    }

    /** The start of a step's window; null when not measured. */
    CostMeter.Snapshot begin() {
        return meter == null ? null : snapshot();
    }

    /** Closes the step's window once its lifecycles are done and stores the step's cost in it. */
    void end(StepMetrics step, CostMeter.Snapshot before) {
        if (before == null) {
            return;
        }
        try {
            Thread.sleep(STATS_FLUSH_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        CostMeter.Snapshot after = snapshot();
        if (after != null) {
            step.cost = Cost.between(before, after, clockTicks);
        }
    }

    static String line(StepMetrics step) {
        if (step.cost == null || step.started.get() == 0) {
            return "";
        }
        return String.format("  cost %-6s %s (%d OTPs, %.1f s, %.1f requests per OTP)", step.name,
                step.cost.line(step.started.get(), "OTP"), step.started.get(), step.cost.seconds,
                step.httpRequests.get() / (double) step.started.get());
    }

    static String topLines(StepMetrics step) {
        return step.cost == null || step.started.get() == 0 ? ""
                : "statements per OTP at " + step.name + ", most called first:\n"
                        + step.cost.topLines(15, step.started.get(), "OTP");
    }

    Map<String, Object> idlePerSecond() {
        return idle == null ? null : idle.divided(idle.seconds);
    }

    Object idleTopStatements() {
        return idle == null ? null : idle.topStatements(15, idle.seconds);
    }

    private CostMeter.Snapshot snapshot() {
        try {
            return meter.snapshot();
        } catch (SQLException e) {
            System.out.println("cost snapshot failed: " + e.getMessage());
            return null;
        }
    }

    @Override
    public void close() throws SQLException {
        if (meter != null) {
            meter.close();
        }
    }
}
