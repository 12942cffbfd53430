package com.narvark.otp.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.narvark.otp.api.Destination;
import com.narvark.otp.api.GuardReason;
import com.narvark.otp.api.OtpErrorCode;
import com.narvark.otp.api.OtpRefusal;
import com.narvark.otp.api.OtpStatus;
import com.narvark.otp.api.TestModeCode;
import com.narvark.otp.api.command.CancelOtpCommand;
import com.narvark.otp.api.command.ExpireOtpCommand;
import com.narvark.otp.api.command.ResendOtpCommand;
import com.narvark.otp.api.command.SendOtpCommand;
import com.narvark.otp.api.command.VerificationResult;
import com.narvark.otp.api.command.VerifyOtpCommand;
import com.narvark.otp.api.crypto.SecretCipher;
import com.narvark.otp.api.event.OtpCancelledEvent;
import com.narvark.otp.api.event.OtpDeliveredEvent;
import com.narvark.otp.api.event.OtpDispatchedEvent;
import com.narvark.otp.api.event.OtpExpiredEvent;
import com.narvark.otp.api.event.OtpFailedEvent;
import com.narvark.otp.api.event.OtpGuardTrippedEvent;
import com.narvark.otp.api.event.OtpLockedEvent;
import com.narvark.otp.api.event.OtpReadEvent;
import com.narvark.otp.api.event.OtpRequestedEvent;
import com.narvark.otp.api.event.OtpResentEvent;
import com.narvark.otp.api.event.OtpSendRefusedEvent;
import com.narvark.otp.api.event.OtpVerificationFailedEvent;
import com.narvark.otp.api.event.OtpVerifiedEvent;
import com.narvark.otp.api.message.OtpTransaction;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One OTP: its code (as a hash), its attempts, its sends and its expiry; carrier outcomes are its {@link OtpDelivery}
 * member's. Decides; never reads a clock of its own. Created by {@link OtpSendHandler}, which runs the fraud guards
 * first. Its expiry is a row in {@link OtpExpiries} from creation until the OTP ends, written by the command that
 * creates or ends it (in that command's transaction); the {@link ExpiryPoller} sends the expire command when due.
 */
@Aggregate
public class Otp {

    @AggregateIdentifier
    private String otpId;
    private String accountId;
    private boolean livemode;
    private Destination to;
    private int codeLength;
    private byte[] codeHash;
    /** The payment the code approves (bound into {@code codeHash}), or null. */
    private OtpTransaction transaction;
    private int sends;
    private Instant lastSentAt;
    private int maxAttempts;
    private int attemptsUsed;
    private Instant expiresAt;
    private OtpStatus status;
    @AggregateMember
    private OtpDelivery delivery;

    protected Otp() {
    }

    /** A new OTP, its code sealed; the send handler decided the fraud guards let it through. */
    Otp(SendOtpCommand command, byte[] codeHash, byte[] encryptedCode, OtpExpiries expiries,
        GuardReason monitoredTrip, Instant now) {
        Instant expiry = command.requestedAt().plusSeconds(command.ttlSeconds());
        expiries.schedule(command.otpId(), expiry);
        // No deadline id any more: the expiry row is found by the OTP's id.
        apply(new OtpRequestedEvent(command.otpId(), command.accountId(), command.livemode(), command.to(),
                command.channel(), command.fallback(), command.codeLength(), command.maxAttempts(), command.template(),
                command.metadata(), codeHash, encryptedCode, command.requestedAt(), expiry, null,
                command.message(), command.transaction()));
        if (monitoredTrip != null) {
            apply(new OtpGuardTrippedEvent(command.otpId(), monitoredTrip, false, now));
        }
    }

    /** A send a fraud guard refused: recorded, never delivered, never verifiable. */
    Otp(SendOtpCommand command, GuardReason refusal, Instant now) {
        apply(new OtpSendRefusedEvent(command.otpId(), command.accountId(), command.livemode(), command.to(),
                command.channel(), command.codeLength(), command.metadata(), refusal, now));
    }

    @CommandHandler
    public VerificationResult handle(VerifyOtpCommand command, CodeHasher hasher, FraudGuards guards, Clock clock,
                                     OtpExpiries expiries) {
        requireOwner(command.accountId(), command.livemode());
        Instant now = clock.instant();
        if (!status.isFinal() && !now.isBefore(expiresAt)) {
            // The poller may not have got to it yet (or every node was down): verify enforces expiry by itself.
            apply(new OtpExpiredEvent(otpId, expiresAt));
            expiries.remove(otpId);
        }
        if (status.isFinal()) {
            return result(false);
        }
        if (destinationUnderAttack(command, guards, now)) {
            apply(new OtpLockedEvent(otpId, now));
            expiries.remove(otpId);
            return result(false);
        }
        // Another transaction than the code approves fails whatever the code, and says so without telling whether
        // the code was right; it counts as a wrong attempt, so it cannot be used to probe either.
        boolean sameTransaction = Objects.equals(transaction, command.transaction());
        if (sameTransaction && hasher.matches(otpId, command.code(), transaction, codeHash)) {
            apply(new OtpVerifiedEvent(otpId, attemptsUsed + 1, now));
            expiries.remove(otpId);
            return result(true);
        }
        String reason = sameTransaction ? null : VerificationResult.TRANSACTION_MISMATCH;
        int used = attemptsUsed + 1;
        apply(new OtpVerificationFailedEvent(otpId, used, maxAttempts - used, now, reason));
        guards.recordFailure(accountId, livemode, to, now);
        if (used >= maxAttempts) {
            apply(new OtpLockedEvent(otpId, now));
            expiries.remove(otpId);
        }
        return result(false, reason);
    }

    /** Sends the code again (a new delivery round); never touches the expiry or the wrong-attempt count. */
    @CommandHandler
    public void handle(ResendOtpCommand command, CodeGenerator generator, CodeHasher hasher, SecretCipher cipher,
                       ResendPolicy policy, Clock clock) {
        requireOwner(command.accountId(), command.livemode());
        Instant now = clock.instant();
        if (status.isFinal() || !now.isBefore(expiresAt)) {
            throw refused(new OtpRefusal(OtpErrorCode.OTP_NOT_ACTIVE, 0));
        }
        policy.refusal(sends, lastSentAt, now).ifPresent(refusal -> {
            throw refused(refusal);
        });
        if (!command.newCode()) {
            apply(new OtpResentEvent(otpId, sends, null, null, now));
            return;
        }
        String code = livemode ? generator.generate(codeLength) : TestModeCode.forLength(codeLength);
        apply(new OtpResentEvent(otpId, sends, hasher.hash(otpId, code, transaction), cipher.encrypt(code, otpId),
                now));
    }

    @CommandHandler
    public void handle(CancelOtpCommand command, Clock clock, OtpExpiries expiries) {
        requireOwner(command.accountId(), command.livemode());
        if (status == OtpStatus.CANCELLED) {
            return;
        }
        if (status.isFinal()) {
            throw refused(new OtpRefusal(OtpErrorCode.OTP_NOT_ACTIVE, 0));
        }
        apply(new OtpCancelledEvent(otpId, clock.instant()));
        expiries.remove(otpId);
    }

    /** The poller found the expiry row due. Expires the OTP once; an OTP that already ended stays as it is. */
    @CommandHandler
    public void handle(ExpireOtpCommand command, Clock clock, OtpExpiries expiries) {
        if (status.isFinal()) {
            expiries.remove(otpId);
            return;
        }
        if (clock.instant().isBefore(expiresAt)) {
            // Due before the OTP's own expiry (a row carried over from a db-scheduler deadline, say): never early.
            expiries.schedule(otpId, expiresAt);
            return;
        }
        apply(new OtpExpiredEvent(otpId, expiresAt));
        expiries.remove(otpId);
    }

    @EventSourcingHandler
    void on(OtpRequestedEvent event) {
        otpId = event.otpId();
        accountId = event.accountId();
        livemode = event.livemode();
        to = event.to();
        codeLength = event.codeLength();
        codeHash = event.codeHash();
        transaction = event.transaction();
        sends = 1;
        lastSentAt = event.requestedAt();
        maxAttempts = event.maxAttempts();
        expiresAt = event.expiresAt();
        status = OtpStatus.PENDING;
        delivery = new OtpDelivery(otpId, event.channel(), event.fallback());
    }

    @EventSourcingHandler
    void on(OtpSendRefusedEvent event) {
        otpId = event.otpId();
        accountId = event.accountId();
        livemode = event.livemode();
        status = OtpStatus.REFUSED;
    }

    @EventSourcingHandler
    void on(OtpResentEvent event) {
        sends = event.round() + 1;
        lastSentAt = event.resentAt();
        if (event.newCode()) {
            codeHash = event.codeHash();
        }
    }

    @EventSourcingHandler
    void on(OtpCancelledEvent event) {
        status = OtpStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(OtpDispatchedEvent event) {
        progress(OtpStatus.DISPATCHED);
    }

    @EventSourcingHandler
    void on(OtpDeliveredEvent event) {
        progress(OtpStatus.DELIVERED);
    }

    @EventSourcingHandler
    void on(OtpReadEvent event) {
        progress(OtpStatus.READ);
    }

    @EventSourcingHandler
    void on(OtpFailedEvent event) {
        status = OtpStatus.FAILED;
    }

    @EventSourcingHandler
    void on(OtpVerificationFailedEvent event) {
        attemptsUsed = event.attemptsUsed();
    }

    @EventSourcingHandler
    void on(OtpLockedEvent event) {
        status = OtpStatus.LOCKED;
    }

    @EventSourcingHandler
    void on(OtpVerifiedEvent event) {
        attemptsUsed = event.attemptsUsed();
        status = OtpStatus.VERIFIED;
    }

    @EventSourcingHandler
    void on(OtpExpiredEvent event) {
        status = OtpStatus.EXPIRED;
    }

    /** Delivery progress only moves forward and never reopens an ended OTP. */
    private void progress(OtpStatus next) {
        if (!status.isFinal() && next.ordinal() > status.ordinal()) {
            status = next;
        }
    }

    /** True when the destination's wrong-code cap is reached and the account enforces its guards. */
    private boolean destinationUnderAttack(VerifyOtpCommand command, FraudGuards guards, Instant now) {
        GuardReason reason = guards.failureCap(accountId, livemode, to, now).reason();
        if (reason == null) {
            return false;
        }
        boolean enforced = !command.guard().monitorOnly();
        apply(new OtpGuardTrippedEvent(otpId, reason, enforced, now));
        return enforced;
    }

    private static CommandExecutionException refused(OtpRefusal refusal) {
        return new CommandExecutionException("refused: " + refusal.code(), null, refusal);
    }

    private VerificationResult result(boolean valid) {
        return result(valid, null);
    }

    private VerificationResult result(boolean valid, String reason) {
        return new VerificationResult(otpId, valid, status == OtpStatus.VERIFIED, status,
                Math.max(0, maxAttempts - attemptsUsed), reason);
    }

    private void requireOwner(String callerAccountId, boolean callerLivemode) {
        if (!accountId.equals(callerAccountId) || livemode != callerLivemode) {
            throw new CommandExecutionException("OTP not found", null, OtpErrorCode.OTP_NOT_FOUND);
        }
    }
}
