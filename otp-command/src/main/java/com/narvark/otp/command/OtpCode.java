package com.narvark.otp.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.narvark.otp.api.command.VerificationResult;
import com.narvark.otp.api.command.VerifyOtpCommand;
import com.narvark.otp.api.event.OtpLockedEvent;
import com.narvark.otp.api.event.OtpRequestedEvent;
import com.narvark.otp.api.event.OtpResentEvent;
import com.narvark.otp.api.event.OtpVerificationFailedEvent;
import com.narvark.otp.api.event.OtpVerifiedEvent;
import com.narvark.otp.api.message.OtpTransaction;
import java.time.Instant;
import java.util.Objects;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * The code of one OTP, an entity of the {@link Otp} aggregate: its hash (bound to the payment it approves, if any)
 * and the wrong attempts against it. The root decides whether the OTP can still be verified; this entity checks the
 * code presented and counts.
 */
class OtpCode {

    /** What a check of a live OTP's code found. */
    enum Check {
        RIGHT, WRONG, OTHER_TRANSACTION;

        /** {@link VerificationResult#reason()}: set only when the code alone is not the answer. */
        String reason() {
            return this == OTHER_TRANSACTION ? VerificationResult.TRANSACTION_MISMATCH : null;
        }
    }

    private final String otpId;
    /** The payment the code approves, or null. */
    private final OtpTransaction transaction;
    private final int maxAttempts;
    private byte[] hash;
    private int attemptsUsed;

    private OtpCode(String otpId, OtpTransaction transaction, int maxAttempts, byte[] hash) {
        this.otpId = otpId;
        this.transaction = transaction;
        this.maxAttempts = maxAttempts;
        this.hash = hash;
    }

    OtpCode(OtpRequestedEvent event) {
        this(event.otpId(), event.transaction(), event.maxAttempts(), event.codeHash());
    }

    /** A refused send made no code: nothing verifies, no attempt is left. */
    static OtpCode never(String otpId) {
        return new OtpCode(otpId, null, 0, null);
    }

    /**
     * Checks a code presented for the live OTP: the right one ends it as verified, any other counts as a wrong
     * attempt and the last one allowed locks it. Another transaction than the code approves fails whatever the code,
     * and says so without telling whether the code was right; it counts, so it cannot be used to probe either.
     */
    Check check(VerifyOtpCommand command, CodeHasher hasher, Instant now) {
        boolean sameTransaction = Objects.equals(transaction, command.transaction());
        if (sameTransaction && hasher.matches(otpId, command.code(), transaction, hash)) {
            Otp.end(new OtpVerifiedEvent(otpId, attemptsUsed + 1, now));
            return Check.RIGHT;
        }
        Check check = sameTransaction ? Check.WRONG : Check.OTHER_TRANSACTION;
        int used = attemptsUsed + 1;
        apply(new OtpVerificationFailedEvent(otpId, used, maxAttempts - used, now, check.reason()));
        if (used >= maxAttempts) {
            Otp.end(new OtpLockedEvent(otpId, now));
        }
        return check;
    }

    int attemptsRemaining() {
        return Math.max(0, maxAttempts - attemptsUsed);
    }

    @EventSourcingHandler
    void on(OtpResentEvent event) {
        if (event.newCode()) {
            hash = event.codeHash();
        }
    }

    @EventSourcingHandler
    void on(OtpVerificationFailedEvent event) {
        attemptsUsed = event.attemptsUsed();
    }

    @EventSourcingHandler
    void on(OtpVerifiedEvent event) {
        attemptsUsed = event.attemptsUsed();
    }
}
