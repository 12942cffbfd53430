package com.narvark.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every send of the fault suite as one CSV row beside the results (phase, when it was first tried relative to its
 * phase's start, dispatch delay from acceptance and from the first try, arrivals at the SMSC, final status, OTP
 * id, each arrival's time and SMPP session), so a slow or doubled dispatch can be placed on the fault's timeline and
 * looked up in the nodes' logs.
 */
final class FaultTimeline {

    private FaultTimeline() {
    }

    static void write(FaultLedger ledger, List<FaultReport.Phase> phases, Path csv) throws IOException {
        List<String> rows = new ArrayList<>();
        rows.add("phase,offset_ms,dispatch_ms,from_first_try_ms,arrivals,acknowledged,final_status,otp_id,"
                + "arrivals_ms_at_session");
        ledger.byDigits.values().stream().sorted(Comparator.comparingLong(s -> s.firstAttemptNanos)).forEach(send -> {
            long phaseStart = phases.stream().filter(p -> p.name().equals(send.phase))
                    .mapToLong(FaultReport.Phase::startNanos).findFirst().orElse(send.firstAttemptNanos);
            rows.add(String.join(",", send.phase, Long.toString((send.firstAttemptNanos - phaseStart) / 1_000_000),
                    Long.toString(send.dispatchMillis()), Long.toString(send.fromFirstTryMillis()),
                    Integer.toString(send.arrivals.size()),
                    Boolean.toString(send.acknowledged), String.valueOf(send.finalStatus),
                    String.valueOf(send.otpId()), arrivalsAtSessions(send)));
        });
        Files.write(csv, rows);
    }

    /** Each arrival as milliseconds after the first one, at its SMPP session: "0@3f2a;5120@9c1d". */
    private static String arrivalsAtSessions(FaultLedger.Send send) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < send.arrivals.size(); i++) {
            String session = i < send.arrivalSessions.size() ? send.arrivalSessions.get(i) : "?";
            parts.add((send.arrivals.get(i) - send.arrivals.get(0)) / 1_000_000 + "@" + session);
        }
        return String.join(";", parts);
    }

    /**
     * Every webhook received, in arrival order: its phase (the phase its arrival fell in), arrival relative to the
     * first phase's start, how long after its event it came, its type and OTP id; a backlog shows as a ramp.
     */
    static void writeWebhooks(WebhookReceiver hooks, List<FaultReport.Phase> phases, Path csv) throws IOException {
        List<String> rows = new ArrayList<>();
        rows.add("phase,arrival_offset_ms,late_ms,type,otp_id");
        Instant start = phases.isEmpty() ? null : phases.get(0).wallStart();
        hooks.received.stream().sorted(Comparator.comparing(WebhookReceiver.Received::receivedAt)).forEach(hook -> {
            String phase = phases.stream().filter(p -> !hook.receivedAt().isBefore(p.wallStart()))
                    .reduce((first, second) -> second).map(FaultReport.Phase::name).orElse("warm-up");
            long offset = start == null ? 0 : Duration.between(start, hook.receivedAt()).toMillis();
            rows.add(String.join(",", phase, Long.toString(offset), Long.toString(hook.delayMillis()), hook.type(),
                    hook.otpId()));
        });
        Files.write(csv, rows);
    }
}
