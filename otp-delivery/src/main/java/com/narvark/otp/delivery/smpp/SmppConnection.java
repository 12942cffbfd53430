package com.narvark.otp.delivery.smpp;

import com.narvark.otp.api.FailureReason;
import com.narvark.otp.delivery.CarrierRefusedException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One transceiver session to the SMSC, bound on first use and re-bound with exponential backoff (1 s doubling to
 * 60 s) whenever it closes. While it is down, sends are refused at once rather than queued behind the outage.
 */
class SmppConnection {

    private static final Logger LOG = LoggerFactory.getLogger(SmppConnection.class);
    // An OTP waits on this: an SMSC back from a restart is bound again within 5 s, at one bind attempt per 5 s at most.
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final int PDU_THREADS = 16;
    private static final int PDU_QUEUE = 2_000;

    private final SmppSettings settings;
    private final SmppReceiptListener listener;
    private final ScheduledExecutorService reconnector = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "smpp-reconnect");
        thread.setDaemon(true);
        return thread;
    });
    private volatile SMPPSession session;
    private Duration backoff = Duration.ofSeconds(1);
    private boolean reconnecting;
    private volatile boolean closed;

    SmppConnection(SmppSettings settings, SmppReceiptListener listener) {
        this.settings = settings;
        this.listener = listener;
    }

    synchronized SMPPSession bound() {
        if (session != null && session.getSessionState().isBound()) {
            return session;
        }
        if (!reconnecting) {
            try {
                bind();
                return session;
            } catch (IOException e) {
                LOG.warn("SMPP bind to {}:{} failed: {}", settings.host(), settings.port(), e.toString());
                scheduleReconnect();
            }
        }
        throw new CarrierRefusedException(FailureReason.CARRIER_UNAVAILABLE, "no bound SMPP session");
    }

    /** Whether a session is bound right now (for health and metrics; never waits for the connection's lock). */
    boolean isBound() {
        SMPPSession current = session;
        return current != null && current.getSessionState().isBound();
    }

    /** Binds on the reconnect thread now, instead of on the first message; failures re-bind with backoff. */
    void bindInBackground() {
        try {
            reconnector.execute(() -> {
                synchronized (this) {
                    if (!reconnecting && !isBound()) {
                        reconnect();
                    }
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            // closed before it started: nothing to bind.
        }
    }

    private void bind() throws IOException {
        SMPPSession fresh = new SMPPSession();
        // Every incoming PDU, submit_sm_resp included, waits for one of these threads, and a receipt (deliver_sm)
        // holds one while it is recorded in the database: with jSMPP's 3, receipts under load delayed the carrier's
        // answers to our submits by seconds (the attempt then timed out and was sent twice).
        fresh.setPduProcessorDegree(PDU_THREADS);
        fresh.setQueueCapacity(PDU_QUEUE);
        fresh.setMessageReceiverListener(listener);
        fresh.setTransactionTimer(settings.responseTimeoutMs());
        fresh.setEnquireLinkTimer(30_000);
        fresh.connectAndBind(settings.host(), settings.port(), new BindParameter(BindType.BIND_TRX,
                settings.systemId(), settings.password(), settings.systemType(), TypeOfNumber.UNKNOWN,
                NumberingPlanIndicator.UNKNOWN, null));
        fresh.addSessionStateListener((newState, oldState, source) -> {
            if (newState == SessionState.CLOSED) {
                onClosed();
            }
        });
        session = fresh;
        backoff = Duration.ofSeconds(1);
        LOG.info("SMPP session bound to {}:{}", settings.host(), settings.port());
    }

    /**
     * Runs on jSMPP's reader thread, which holds the session's own lock: taking this connection's lock here could
     * deadlock with {@link #close}, so the re-bind is handed to the reconnect thread.
     */
    private void onClosed() {
        try {
            reconnector.execute(() -> {
                synchronized (this) {
                    LOG.warn("SMPP session closed; re-binding in {}", backoff);
                    scheduleReconnect();
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            // close() got there first: nothing to re-bind.
        }
    }

    private void scheduleReconnect() {
        if (reconnecting || closed) {
            return;
        }
        reconnecting = true;
        reconnector.schedule(this::reconnect, backoff.toMillis(), TimeUnit.MILLISECONDS);
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
    }

    private synchronized void reconnect() {
        reconnecting = false;
        if (closed) {
            return;
        }
        try {
            bind();
        } catch (IOException e) {
            LOG.warn("SMPP re-bind to {}:{} failed: {}", settings.host(), settings.port(), e.getMessage());
            scheduleReconnect();
        }
    }

    void close() {
        SMPPSession last;
        synchronized (this) {
            closed = true;
            reconnector.shutdownNow();
            last = session;
        }
        // Outside the lock: unbinding waits for the reader thread, which may be calling onClosed().
        if (last != null) {
            last.unbindAndClose();
        }
    }
}
