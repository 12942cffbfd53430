package com.narvark.otp.command;

import com.narvark.otp.api.Destination;
import com.narvark.otp.api.GuardReason;
import com.narvark.otp.api.command.SendOtpCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The fraud guards' rules: the account's country allowlist, at most {@code maxSends} OTPs per destination per send
 * window (SMS pumping) and at most {@code maxFailures} wrong codes per destination per failure window across its
 * OTPs (brute force). Destination limits apply to live keys only: test keys reach no carrier, and their magic
 * destinations are shared by every test.
 */
public final class FraudGuards {

    /** Limits, with the defaults of a production OTP service. */
    public record Limits(int maxSends, Duration sendWindow, int maxFailures, Duration failureWindow) {

        public static final Limits DEFAULT = new Limits(5, Duration.ofMinutes(10), 100, Duration.ofDays(1));
    }

    /** What a guard says: allow ({@code reason} null), or why not and when that may lift (0: waiting won't help). */
    public record Verdict(GuardReason reason, long retryAfterSeconds) {

        static final Verdict ALLOW = new Verdict(null, 0);

        boolean allows() {
            return reason == null;
        }
    }

    private final DestinationLedger ledger;
    private final Limits limits;

    public FraudGuards(DestinationLedger ledger, Limits limits) {
        this.ledger = ledger;
        this.limits = limits;
    }

    Verdict assessSend(SendOtpCommand command, Instant now) {
        if (!command.guard().allowsCountry(command.toCountry())) {
            return new Verdict(GuardReason.COUNTRY_NOT_ALLOWED, 0);
        }
        if (!command.livemode()) {
            return Verdict.ALLOW;
        }
        List<Instant> sends = ledger.holdSends(command.accountId(), command.to(), now.minus(limits.sendWindow()));
        if (sends.size() >= limits.maxSends()) {
            Instant lifts = sends.get(sends.size() - limits.maxSends()).plus(limits.sendWindow());
            return new Verdict(GuardReason.DESTINATION_RATE_LIMITED, secondsUntil(now, lifts));
        }
        return failureCap(command.accountId(), true, command.to(), now);
    }

    /** Whether the destination has had as many wrong codes today as it may. */
    Verdict failureCap(String accountId, boolean livemode, Destination to, Instant now) {
        if (!livemode) {
            return Verdict.ALLOW;
        }
        List<Instant> failures = ledger.failures(accountId, to, now.minus(limits.failureWindow()));
        if (failures.size() < limits.maxFailures()) {
            return Verdict.ALLOW;
        }
        Instant lifts = failures.get(failures.size() - limits.maxFailures()).plus(limits.failureWindow());
        return new Verdict(GuardReason.DESTINATION_FAILURE_CAP, secondsUntil(now, lifts));
    }

    void recordSend(String otpId, SendOtpCommand command, Instant now) {
        if (command.livemode()) {
            ledger.recordSend(otpId, command.accountId(), command.to(), now);
        }
    }

    void recordFailure(String accountId, boolean livemode, Destination to, Instant now) {
        if (livemode) {
            ledger.recordFailure(accountId, to, now);
        }
    }

    private static long secondsUntil(Instant now, Instant then) {
        return Math.max(1, (Duration.between(now, then).toMillis() + 999) / 1000);
    }
}
