package com.narvark.portal;

import com.narvark.accounts.Accounts;
import com.narvark.accounts.AuditTrail;
import com.narvark.accounts.PortalMembers;
import com.narvark.otp.api.Channel;
import com.narvark.otp.api.Destination;
import com.narvark.otp.api.GuardPolicy;
import com.narvark.otp.api.command.SendOtpCommand;
import com.narvark.otp.api.command.SendOtpResult;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Sends console sign-in codes off the request thread. The sign-in form's answer must not tell a member from a
 * stranger, and the membership lookup, the per-address cap and the SendOtpCommand take time only for members: so the
 * request thread only queues the address, and all of that happens here. One worker per node keeps the cap check and
 * its audit row in order; a full queue drops the send (logged) rather than making the request wait.
 */
@Component
class SignInCodes implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(SignInCodes.class);
    /** Codes emailed to one address per hour: enough for typos and slow mail, too few to flood an inbox. */
    static final int CODES_PER_HOUR = 5;
    private static final int QUEUE = 1000;

    private final CommandGateway commands;
    private final AuditTrail audit;
    private final PortalMembers members;
    private final Accounts accounts;
    private final Clock clock;
    private final ThreadPoolExecutor worker;
    private volatile CountDownLatch gate = new CountDownLatch(0);

    SignInCodes(CommandGateway commands, AuditTrail audit, PortalMembers members, Accounts accounts, Clock clock) {
        this.commands = commands;
        this.audit = audit;
        this.members = members;
        this.accounts = accounts;
        this.clock = clock;
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), runnable -> {
            Thread thread = new Thread(runnable, "portal-sign-in-codes");
            thread.setDaemon(true);
            return thread;
        }, (task, executor) -> LOG.warn("Sign-in code queue full ({} waiting); a code was not sent", QUEUE));
    }

    /** Queues the code for {@code email} under {@code otpId}; sent only if the address is a member's. */
    void sendLater(String email, String otpId, Duration ttl) {
        worker.execute(() -> {
            try {
                gate.await();
                send(email, otpId, ttl);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warn("Sending a console sign-in code failed", e);
            }
        });
    }

    private void send(String email, String otpId, Duration ttl) {
        Optional<String> account = members.accountOf(email);
        if (account.isEmpty()
                || audit.signInCodesSentSince(email, clock.instant().minus(Duration.ofHours(1))) >= CODES_PER_HOUR) {
            return;
        }
        accounts.ensurePlatformAccount(SignInController.PORTAL_ACCOUNT, "Narvark developer portal");
        SendOtpResult result = commands.sendAndWait(new SendOtpCommand(otpId, SignInController.PORTAL_ACCOUNT, true,
                new Destination(Destination.Kind.EMAIL, email), null, Channel.EMAIL, List.of(), 6,
                (int) ttl.toSeconds(), 5, null, Map.of("purpose", "console_sign_in"), GuardPolicy.DEFAULT,
                clock.instant()));
        if (result.accepted()) {
            audit.signInCodeSent(email, account.get(), otpId);
        } else {
            // The fraud guards hold for the portal too; the code just never comes.
            audit.record(email, "sign_in_code_refused", account.get(), result.refusedFor().name());
        }
    }

    /** Whether the code under {@code otpId} went out to {@code email}; no code, nothing to verify. */
    boolean wasSent(String email, String otpId) {
        return audit.wasSignInCodeSent(email, otpId);
    }

    /** For tests: sends queued while held wait until it is closed, proving the answer never waits for them. */
    Held hold() {
        CountDownLatch held = new CountDownLatch(1);
        gate = held;
        return held::countDown;
    }

    /** For tests: completes once everything queued before it was handled (one worker, first in first out). */
    CompletableFuture<Void> drained() {
        return CompletableFuture.runAsync(() -> { }, worker);
    }

    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    @Override
    public void destroy() throws InterruptedException {
        gate.countDown();
        worker.shutdown();
        // Codes already queued are still sent if that is quick; a code lost here is asked for again.
        worker.awaitTermination(5, TimeUnit.SECONDS);
    }
}
