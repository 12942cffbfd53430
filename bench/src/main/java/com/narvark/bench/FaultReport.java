package com.narvark.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The fault suite's figures per phase, printed and written as JSON; {@link FaultTargets} says which were missed.
 * Sends belong to the phase during which they were first attempted; a dispatch delay runs from the OTP's acceptance
 * (its created_at) to the message's first arrival at the SMSC (the "within 5 s of its acceptance"; a
 * client's retries to reach a live node come before it, and are reported apart).
 */
final class FaultReport {

    /**
     * {@code faultOverNanos}: the restart done, the database, SMSC or receiver back; {@code settleMillis}: how long the
     * phase waited, before its fault, for the previous phase's last sends to be dispatched.
     */
    record Phase(String name, long startNanos, long faultOverNanos, Instant wallStart, Instant wallFaultOver,
                 long settleMillis) {

        long faultMillis() {
            return (faultOverNanos - startNanos) / 1_000_000;
        }
    }

    private final FaultLedger ledger;
    private final List<Phase> phases;
    private final WebhookReceiver hooks;
    private final FaultClient client;
    private final long unexpectedAtSmsc;
    private final FaultTargets targets = new FaultTargets();
    private final Map<String, Map<String, Object>> figures = new LinkedHashMap<>();
    private long webhookBacklog;

    FaultReport(FaultLedger ledger, List<Phase> phases, WebhookReceiver hooks, FaultClient client,
                long unexpectedAtSmsc) {
        this.ledger = ledger;
        this.phases = phases;
        this.hooks = hooks;
        this.client = client;
        this.unexpectedAtSmsc = unexpectedAtSmsc;
    }

    /** Waits until every acknowledged send was dispatched and verified and its webhook arrived, or the limit. */
    void drain(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline && !settled()) {
            Thread.sleep(1_000);
        }
    }

    private boolean settled() {
        java.util.Set<String> verifiedHooks = verifiedWebhookOtps();
        return ledger.byDigits.values().stream().allMatch(s -> !s.acknowledged
                || s.verifiedValid != null && verifiedHooks.contains(s.otpId()));
    }

    /** Reads every acknowledged OTP back (404 = lost), 16 at a time, and the webhook log's pending and failed. */
    void readBack(long webhookBacklog) throws InterruptedException {
        this.webhookBacklog = webhookBacklog;
        java.util.concurrent.Semaphore parallel = new java.util.concurrent.Semaphore(16);
        List<FaultLedger.Send> acked = ledger.byDigits.values().stream().filter(s -> s.acknowledged).toList();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(acked.size());
        for (FaultLedger.Send send : acked) {
            parallel.acquire();
            client.get("/v1/otp/" + send.otpId()).whenComplete((answer, failure) -> {
                send.finalStatus = failure != null ? "unread" : answer.status() == 404 ? "lost"
                        : answer.body().path("status").asText("unknown");
                parallel.release();
                done.countDown();
            });
        }
        done.await(5, java.util.concurrent.TimeUnit.MINUTES);
    }

    boolean print() {
        java.util.Set<String> verifiedHooks = verifiedWebhookOtps();
        System.out.println();
        System.out.printf("%-9s %6s %6s %5s %5s %6s %5s %5s %5s %6s %7s %7s %7s %7s %7s%n", "phase", "sends", "acked",
                "lost", "unack", "undisp", "fail", "dup", "idem", "vfail", "d_p50", "d_p99", "d_max", "wh_max",
                "wh_miss");
        for (Phase phase : phases) {
            List<FaultLedger.Send> sends = ledger.byDigits.values().stream()
                    .filter(s -> s.phase.equals(phase.name())).toList();
            List<FaultLedger.Send> acked = sends.stream().filter(s -> s.acknowledged).toList();
            long lost = count(acked, s -> "lost".equals(s.finalStatus));
            long unacked = count(sends, s -> !s.acknowledged);
            long failed = count(acked, s -> "failed".equals(s.finalStatus));
            long undispatched = count(acked, s -> s.arrivals.isEmpty());
            long duplicates = count(acked, s -> s.arrivals.size() > 1);
            long idempotent = count(sends, s -> s.otpIds.size() > 1);
            long verifyFailed = count(acked, s -> !s.arrivals.isEmpty() && !Boolean.TRUE.equals(s.verifiedValid));
            long webhooksMissing = count(acked, s -> Boolean.TRUE.equals(s.verifiedValid)
                    && !verifiedHooks.contains(s.otpId()));
            List<Long> dispatch = acked.stream().map(FaultLedger.Send::dispatchMillis).filter(d -> d >= 0).sorted()
                    .toList();
            long webhookLateMax = webhookLateness(phase, acked);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("settle_ms", phase.settleMillis());
            row.put("fault_ms", phase.faultMillis());
            row.put("sends", sends.size());
            row.put("acknowledged", acked.size());
            row.put("lost", lost);
            row.put("unacknowledged", unacked);
            row.put("never_dispatched", undispatched);
            row.put("failed", failed);
            row.put("duplicates_at_smsc", duplicates);
            row.put("idempotent_retry_duplicates", idempotent);
            row.put("verify_refused_or_unanswered", verifyFailed);
            row.put("dispatch_ms_p50", percentile(dispatch, 0.50));
            row.put("dispatch_ms_p99", percentile(dispatch, 0.99));
            row.put("dispatch_ms_max", percentile(dispatch, 1.0));
            // Informational: what a client saw from its first try, retries to reach a live node included.
            row.put("first_try_to_smsc_ms_p99", percentile(acked.stream().map(FaultLedger.Send::fromFirstTryMillis)
                    .filter(d -> d >= 0).sorted().toList(), 0.99));
            row.put("webhook_late_ms_max", webhookLateMax);
            row.put("webhooks_missing", webhooksMissing);
            figures.put(phase.name(), row);
            System.out.printf("%-9s %6d %6d %5d %5d %6d %5d %5d %5d %6d %7d %7d %7d %7d %7d%n", phase.name(),
                    sends.size(), acked.size(), lost, unacked, undispatched, failed, duplicates, idempotent,
                    verifyFailed, percentile(dispatch, 0.5), percentile(dispatch, 0.99), percentile(dispatch, 1.0),
                    webhookLateMax, webhooksMissing);
            targets.check(phase, acked, row, lost + unacked + duplicates + idempotent + verifyFailed + webhooksMissing);
        }
        System.out.printf("%nretries by the client: %d; answers off the error contract: %d; webhook events received "
                        + "twice: %d; SMSC messages for no send: %d; webhook deliveries pending or failed: %d%n",
                client.retries.get(), client.offContract.size(), hooks.duplicates(), unexpectedAtSmsc,
                webhookBacklog);
        client.offContract.stream().limit(5).forEach(o -> System.out.println("  off contract: " + o));
        if (!client.offContract.isEmpty()) {
            targets.missed(client.offContract.size() + " answers off the error contract");
        }
        if (webhookBacklog > 0) {
            targets.missed(webhookBacklog + " webhook deliveries pending or failed at the end");
        }
        List<String> missed = targets.missed();
        System.out.println(missed.isEmpty() ? "\nall targets met" : "\ntargets missed:\n  " + String.join("\n  ",
                missed));
        return missed.isEmpty();
    }

    /** Per webhook of the phase's OTPs: arrival minus the later of the event and the end of the fault. */
    private long webhookLateness(Phase phase, List<FaultLedger.Send> acked) {
        java.util.Set<String> ids = acked.stream().map(FaultLedger.Send::otpId).collect(Collectors.toSet());
        return hooks.received.stream().filter(r -> ids.contains(r.otpId()))
                .mapToLong(r -> Duration.between(r.createdAt().isAfter(phase.wallFaultOver()) ? r.createdAt()
                        : phase.wallFaultOver(), r.receivedAt()).toMillis())
                .max().orElse(0);
    }

    private java.util.Set<String> verifiedWebhookOtps() {
        return hooks.received.stream().filter(r -> "otp.verified".equals(r.type()))
                .map(WebhookReceiver.Received::otpId).collect(Collectors.toSet());
    }

    static long count(List<FaultLedger.Send> sends, java.util.function.Predicate<FaultLedger.Send> test) {
        return sends.stream().filter(test).count();
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", Instant.now().toString());
        json.put("phases", figures);
        json.put("client_retries", client.retries.get());
        json.put("off_contract_answers", client.offContract.size());
        json.put("webhook_events_received_twice", hooks.duplicates());
        json.put("webhook_deliveries_pending_or_failed", webhookBacklog);
        json.put("targets_missed", targets.missed());
        json.put("passed", targets.missed().isEmpty());
        return json;
    }
}
