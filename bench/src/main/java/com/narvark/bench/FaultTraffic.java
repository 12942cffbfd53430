package com.narvark.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fault suite's traffic: sends to unique numbers through a client that retries like the SDKs, each verified
 * with the code the SMSC received, every one entered in the {@link FaultLedger} under the phase it started in. The
 * {@link FaultSuite} injects the faults around it and names the phase.
 */
final class FaultTraffic {

    private static final Pattern CODE = Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)");

    private final FaultLedger ledger;
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicLong unexpectedAtSmsc = new AtomicLong();
    private volatile String phase = "steady";
    private volatile boolean loading = true;
    private FaultClient client;

    FaultTraffic(FaultLedger ledger) {
        this.ledger = ledger;
    }

    /** The client exists once the account is set up; no send goes out before. */
    void connect(FaultClient client) {
        this.client = client;
    }

    void phase(String name) {
        phase = name;
    }

    void stop() {
        loading = false;
    }

    long unexpectedAtSmsc() {
        return unexpectedAtSmsc.get();
    }

    /** A cold JVM spends its first seconds compiling: a third of the rate, not reported, then a pause. */
    void warmUp(int seconds, int fullRate) throws InterruptedException {
        phase = "warmup";
        int rate = Math.max(1, fullRate / 3);
        for (int i = 0; i < seconds * rate; i++) {
            send();
            Thread.sleep(1_000 / rate);
        }
        Thread.sleep(5_000);
        phase = "steady";
    }

    /** Open loop: sends start at fixed instants, whatever the answers do. */
    void load(int rate) {
        long next = System.nanoTime();
        while (loading) {
            send();
            next += 1_000_000_000L / rate;
            LockSupport.parkNanos(next - System.nanoTime());
        }
    }

    void burst(int count, int rate) {
        Thread burst = new Thread(() -> {
            for (int i = 0; i < count; i++) {
                send();
                LockSupport.parkNanos(1_000_000_000L / rate);
            }
        }, "fault-burst");
        burst.start();
    }

    private void send() {
        String digits = "44791" + String.format("%07d", sequence.getAndIncrement());
        String idempotencyKey = UUID.randomUUID().toString();
        FaultLedger.Send send = ledger.open(digits, idempotencyKey, phase, System.nanoTime());
        client.post("send", "/v1/otp/send", Map.of("to", "+" + digits, "channel", "sms"),
                Map.of("Idempotency-Key", idempotencyKey), answer -> {
                    send.otpIds.add(answer.body().path("id").asText());
                    send.acceptedNanos = acceptedNanos(answer.body().path("created_at").asText());
                    send.acknowledged = true;
                    verifyWhenReady(send);
                }).thenAccept(answer -> send.gaveUp = answer == null || !answer.ok());
    }

    /** The gateway's created_at on this process's nanosecond clock (both run on this machine's clock). */
    private static long acceptedNanos(String createdAt) {
        try {
            return System.nanoTime() - Duration.between(Instant.parse(createdAt), Instant.now()).toNanos();
        } catch (DateTimeParseException e) {
            return -1;
        }
    }

    void arrived(Smsc.Arrival arrival) {
        FaultLedger.Send send = ledger.byDigits.get(arrival.destination());
        if (send == null) {
            unexpectedAtSmsc.incrementAndGet();
            return;
        }
        send.arrivalSessions.add(arrival.session());
        send.arrivals.add(arrival.receivedNanos());
        Matcher code = CODE.matcher(arrival.text());
        if (send.code == null && code.find()) {
            send.code = code.group(1);
            verifyWhenReady(send);
        }
    }

    /** Verifies once both the code (from the SMSC) and the OTP id (from the send's answer) are known. */
    private void verifyWhenReady(FaultLedger.Send send) {
        String id = send.otpId();
        if (send.code == null || id == null || !send.verifyStarted.compareAndSet(false, true)) {
            return;
        }
        client.post("verify", "/v1/otp/verify", Map.of("id", id, "code", send.code), Map.of(), answer -> {
            // A retry of a verify that already succeeded answers valid: false with status verified.
            send.verifiedValid = answer.body().path("valid").asBoolean(false)
                    || "verified".equals(answer.body().path("status").asText());
        });
    }
}
