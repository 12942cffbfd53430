package com.narvark.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fault suite's targets, and those its phases missed: nothing lost, unacknowledged, doubled at the SMSC,
 * doubled by an idempotent retry, refused at verify or off the error contract; every verified OTP's webhook
 * arrives; dispatch within 5 s across the kill and within 5 s of PostgreSQL being back; webhooks of the kill phase
 * at most 30 s late after the restart; after the SMSC is back for 5 s, every send dispatched (sends while it was
 * away may fail, and are counted); elsewhere dispatch within 2 s.
 */
final class FaultTargets {

    private static final long GRACE_NANOS = Duration.ofSeconds(5).toNanos();

    private final List<String> missed = new ArrayList<>();

    /** What was missed so far, in the order found. */
    List<String> missed() {
        return missed;
    }

    void missed(String what) {
        missed.add(what);
    }

    /** {@code row}: the phase's figures as {@link FaultReport} records them; {@code mustBeZero}: their failures. */
    void check(FaultReport.Phase phase, List<FaultLedger.Send> acked, Map<String, Object> row, long mustBeZero) {
        if (mustBeZero > 0) {
            missed.add(phase.name() + ": lost, unacknowledged, duplicated, refused or missing webhooks: " + row);
        }
        long dispatchMax = ((Number) row.get("dispatch_ms_max")).longValue();
        switch (phase.name()) {
            case "kill" -> {
                target(phase, dispatchMax <= 5_000, "dispatch max " + dispatchMax + " ms > 5000 across the kill");
                long late = ((Number) row.get("webhook_late_ms_max")).longValue();
                target(phase, late <= 30_000, "webhooks " + late + " ms late after the restart > 30000");
            }
            case "postgres" -> target(phase, dispatchMax <= phase.faultMillis() + 5_000,
                    "dispatch max " + dispatchMax + " ms > the restart + 5000");
            case "smsc" -> {
                long backSince = phase.faultOverNanos() + GRACE_NANOS;
                long undispatched = FaultReport.count(acked,
                        s -> s.firstAttemptNanos > backSince && s.arrivals.isEmpty());
                target(phase, undispatched == 0, undispatched + " sends not dispatched 5 s after the SMSC was back");
            }
            default -> target(phase, dispatchMax <= 2_000, "dispatch max " + dispatchMax + " ms > 2000");
        }
        if (!phase.name().equals("smsc")) {
            target(phase, ((Number) row.get("never_dispatched")).longValue() == 0,
                    row.get("never_dispatched") + " never dispatched");
        }
    }

    private void target(FaultReport.Phase phase, boolean met, String what) {
        if (!met && !missed.contains(phase.name() + ": " + what)) {
            missed.add(phase.name() + ": " + what);
        }
    }
}
