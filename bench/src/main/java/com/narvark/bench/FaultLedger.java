package com.narvark.bench;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the fault suite knows of each logical send: when it was first attempted, the OTP id(s) its answers named
 * (more than one = the idempotent retry made a second OTP), every arrival of its SMS at the SMSC, the verify's
 * outcome, and the final status read back at the end.
 */
final class FaultLedger {

    static final class Send {
        final String digits;
        final String idempotencyKey;
        final String phase;
        final long firstAttemptNanos;
        final Set<String> otpIds = ConcurrentHashMap.newKeySet();
        final List<Long> arrivals = new CopyOnWriteArrayList<>();
        final AtomicBoolean verifyStarted = new AtomicBoolean();
        volatile String code;
        volatile boolean acknowledged;
        volatile boolean gaveUp;
        volatile Boolean verifiedValid;
        volatile String finalStatus;

        Send(String digits, String idempotencyKey, String phase, long firstAttemptNanos) {
            this.digits = digits;
            this.idempotencyKey = idempotencyKey;
            this.phase = phase;
            this.firstAttemptNanos = firstAttemptNanos;
        }

        String otpId() {
            return otpIds.isEmpty() ? null : otpIds.iterator().next();
        }

        /** Milliseconds from the first attempt to the first arrival at the SMSC; -1 when it never arrived. */
        long dispatchMillis() {
            return arrivals.isEmpty() ? -1 : (arrivals.get(0) - firstAttemptNanos) / 1_000_000;
        }
    }

    final Map<String, Send> byDigits = new ConcurrentHashMap<>();

    Send open(String digits, String key, String phase, long nanos) {
        Send send = new Send(digits, key, phase, nanos);
        byDigits.put(digits, send);
        return send;
    }
}
