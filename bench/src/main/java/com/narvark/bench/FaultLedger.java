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
        /** When the gateway created the OTP (its {@code created_at}, on this clock's nanos); -1 until answered. */
        volatile long acceptedNanos = -1;
        final Set<String> otpIds = ConcurrentHashMap.newKeySet();
        final List<Long> arrivals = new CopyOnWriteArrayList<>();
        /** The SMPP session of each arrival, in the same order: a double from one session is that node's own. */
        final List<String> arrivalSessions = new CopyOnWriteArrayList<>();
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

        /**
         * Milliseconds from the OTP's acceptance (its creation on the gateway) to its first arrival at the SMSC; -1
         * when it never arrived. Measured from acceptance, not from the client's first try, so that the time a
         * client spends reaching a live node is not counted as the service's dispatch delay (it is
         * {@link #fromFirstTryMillis}).
         */
        long dispatchMillis() {
            long from = acceptedNanos < 0 ? firstAttemptNanos : acceptedNanos;
            return arrivals.isEmpty() ? -1 : Math.max(0, (arrivals.get(0) - from) / 1_000_000);
        }

        /** Milliseconds from the client's first try to the first arrival at the SMSC; -1 when it never arrived. */
        long fromFirstTryMillis() {
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
