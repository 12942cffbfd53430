package com.narvark.otp.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.narvark.otp.api.Destination;
import com.narvark.otp.api.GuardReason;
import com.narvark.otp.api.OtpErrorCode;
import com.narvark.otp.api.OtpStatus;
import com.narvark.otp.api.command.CancelOtpCommand;
import com.narvark.otp.api.command.ExpireOtpCommand;
import com.narvark.otp.api.command.OwnedOtpCommand;
import com.narvark.otp.api.command.SendOtpCommand;
import com.narvark.otp.api.command.VerificationResult;
import com.narvark.otp.api.command.VerifyOtpCommand;
import com.narvark.otp.api.event.OtpCancelledEvent;
import com.narvark.otp.api.event.OtpDeliveredEvent;
import com.narvark.otp.api.event.OtpDispatchedEvent;
import com.narvark.otp.api.event.OtpEndedEvent;
import com.narvark.otp.api.event.OtpExpiredEvent;
import com.narvark.otp.api.event.OtpGuardTrippedEvent;
import com.narvark.otp.api.event.OtpLockedEvent;
import com.narvark.otp.api.event.OtpReadEvent;
import com.narvark.otp.api.event.OtpRequestedEvent;
import com.narvark.otp.api.event.OtpSendRefusedEvent;
import com.narvark.otp.command.FraudGuards.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One OTP: who owns it, its status and its expiry; its code and wrong attempts are its {@link OtpCode} member's, its
 * sends and carrier outcomes its {@link OtpDelivery} member's. Decides and records events; never reads a clock of
 * its own and writes nothing but its events. Created by {@link OtpSendHandler} and verified through
 * {@link OtpVerifyHandler}, which run the fraud guards (state shared by every OTP of a destination) around it. Its
 * expiry row follows its events ({@link OtpExpiryRows}); the {@link ExpiryPoller} expires it when the row is due.
 */
@Aggregate
public class Otp {

    @AggregateIdentifier
    private String otpId;
    private String accountId;
    private boolean livemode;
    private Destination to;
    private Instant expiresAt;
    private OtpStatus status;
    @AggregateMember
    private OtpCode code;
    @AggregateMember
    private OtpDelivery delivery;

    protected Otp() {
    }

    /** A new OTP, its code sealed; the send handler decided the fraud guards let it through. */
    Otp(SendOtpCommand command, byte[] codeHash, byte[] encryptedCode, GuardReason monitoredTrip, Instant now) {
        Instant expiry = command.requestedAt().plusSeconds(command.ttlSeconds());
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

    /**
     * The one owner check: every customer command about this OTP passes here first, as this interceptor of the
     * aggregate's handlers (its members' too), or called by {@link #verify}, which its external handler invokes.
     */
    @CommandHandlerInterceptor
    void requireOwner(OwnedOtpCommand command) {
        if (!accountId.equals(command.accountId()) || livemode != command.livemode()) {
            throw new CommandExecutionException("OTP not found", null, OtpErrorCode.OTP_NOT_FOUND);
        }
    }

    /**
     * Checks a code, for {@link OtpVerifyHandler}, which writes the wrong code the answer names to the guards' ledger.
     * {@code failureCap}: the destination's wrong-code cap, read before deciding.
     */
    Verification verify(VerifyOtpCommand command, CodeHasher hasher, Function<Destination, Verdict> failureCap,
                        Instant now) {
        requireOwner(command);
        if (!status.isFinal() && !now.isBefore(expiresAt)) {
            // The poller may not have got to it yet (or every node was down): verify enforces expiry by itself.
            end(new OtpExpiredEvent(otpId, expiresAt));
        }
        if (status.isFinal()) {
            return Verification.answered(result(false, null));
        }
        GuardReason capReached = failureCap.apply(to).reason();
        if (capReached != null) {
            // The destination is under attack: recorded either way, locked unless the account only monitors.
            boolean enforced = !command.guard().monitorOnly();
            apply(new OtpGuardTrippedEvent(otpId, capReached, enforced, now));
            if (enforced) {
                end(new OtpLockedEvent(otpId, now));
                return Verification.answered(result(false, null));
            }
        }
        OtpCode.Check check = code.check(command, hasher, now);
        VerificationResult answer = result(check == OtpCode.Check.RIGHT, check.reason());
        return check == OtpCode.Check.RIGHT ? Verification.answered(answer) : Verification.wrongCode(answer, to);
    }

    @CommandHandler
    public void handle(CancelOtpCommand command, Clock clock) {
        if (status == OtpStatus.CANCELLED) {
            return;
        }
        if (status.isFinal()) {
            throw OtpRefusals.notActive();
        }
        end(new OtpCancelledEvent(otpId, clock.instant()));
    }

    /** The poller found the expiry row due. Expires the OTP once; an OTP that already ended stays as it is. */
    @CommandHandler
    public ExpiryOutcome handle(ExpireOtpCommand command, Clock clock) {
        if (status.isFinal()) {
            return ExpiryOutcome.ALREADY_ENDED;
        }
        if (clock.instant().isBefore(expiresAt)) {
            // Due before the OTP's own expiry (a row carried over from a db-scheduler deadline, say): never early.
            return ExpiryOutcome.notBefore(expiresAt);
        }
        end(new OtpExpiredEvent(otpId, expiresAt));
        return ExpiryOutcome.EXPIRED;
    }

    /** The one way an OTP ends (verified, expired, locked, failed, cancelled); its member ends it the same way. */
    static void end(OtpEndedEvent ending) {
        apply(ending);
    }

    @EventSourcingHandler
    void on(OtpRequestedEvent event) {
        otpId = event.otpId();
        accountId = event.accountId();
        livemode = event.livemode();
        to = event.to();
        expiresAt = event.expiresAt();
        status = OtpStatus.PENDING;
        code = new OtpCode(event);
        delivery = new OtpDelivery(event);
    }

    @EventSourcingHandler
    void on(OtpSendRefusedEvent event) {
        otpId = event.otpId();
        accountId = event.accountId();
        livemode = event.livemode();
        status = OtpStatus.REFUSED;
        // Never sent: no code and a delivery without attempts, so commands meet the rules instead of a null.
        code = OtpCode.never(otpId);
        delivery = OtpDelivery.never(otpId);
    }

    @EventSourcingHandler
    void on(OtpDispatchedEvent event) {
        status = OtpStatuses.progressed(status, OtpStatus.DISPATCHED);
    }

    @EventSourcingHandler
    void on(OtpDeliveredEvent event) {
        status = OtpStatuses.progressed(status, OtpStatus.DELIVERED);
    }

    @EventSourcingHandler
    void on(OtpReadEvent event) {
        status = OtpStatuses.progressed(status, OtpStatus.READ);
    }

    @EventSourcingHandler
    void on(OtpEndedEvent event) {
        status = OtpStatuses.after(event);
    }

    private VerificationResult result(boolean valid, String reason) {
        return new VerificationResult(otpId, valid, status == OtpStatus.VERIFIED, status, code.attemptsRemaining(),
                reason);
    }
}
