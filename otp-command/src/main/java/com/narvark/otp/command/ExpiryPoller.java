package com.narvark.otp.command;

import com.narvark.otp.api.BatchPoller;
import com.narvark.otp.api.command.ExpireOtpCommand;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Expires OTPs whose expiry row fell due: every node looks at a fixed interval, claims a batch with one statement
 * (SKIP LOCKED, so nodes share the work; the claim leases each row, so that a node dying before its command landed
 * leaves the row to be claimed again once the lease ends), then sends an {@link ExpireOtpCommand} for each. The
 * command ends the OTP, and its ending event deletes the row in the same transaction ({@link OtpExpiryRows}); one
 * that arrives twice, or for an OTP that ended in the meantime, changes nothing. What the command found is the
 * poller's to tidy: a row that fell due before the OTP's expiry is put back to it, a row of an OTP that had already
 * ended is deleted. A node that was down expires late, never early: the event carries the OTP's own expiry time.
 */
final class ExpiryPoller implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ExpiryPoller.class);

    private final OtpExpiries expiries;
    private final CommandGateway commands;
    private final Clock clock;
    private final Duration lease;
    private final int batchSize;
    private final BatchPoller poller;

    ExpiryPoller(OtpExpiries expiries, CommandGateway commands, Clock clock, Duration interval, Duration lease,
                 int batchSize) {
        this.expiries = expiries;
        this.commands = commands;
        this.clock = clock;
        this.lease = lease;
        this.batchSize = batchSize;
        this.poller = new BatchPoller("otp-expiry", interval, this::expireDue);
    }

    /** Expires what is due now; true when the batch was full (more may be due). */
    boolean expireDue() {
        Instant now = clock.instant();
        List<String> due = expiries.claimDue(now, now.plus(lease), batchSize);
        due.forEach(this::expire);
        return due.size() == batchSize;
    }

    private void expire(String otpId) {
        try {
            ExpiryOutcome outcome = commands.sendAndWait(new ExpireOtpCommand(otpId));
            if (outcome.dueAgainAt() != null) {
                expiries.schedule(otpId, outcome.dueAgainAt());
            } else if (outcome.strayRow()) {
                expiries.remove(otpId);
            }
        } catch (AggregateNotFoundException e) {
            // A row without an OTP (it could only have come from outside the OTP's commands): claiming it again
            // every lease would never end.
            LOG.warn("expiry of {} dropped: no such OTP", otpId);
            expiries.remove(otpId);
        } catch (RuntimeException e) {
            LOG.warn("expiry of {} failed; claimed again in {}", otpId, lease, e);
        }
    }

    @Override
    public void start() {
        poller.start();
    }

    @Override
    public void stop() {
        poller.stop();
    }

    @Override
    public boolean isRunning() {
        return poller.isRunning();
    }
}
