package com.narvark.otp.webhooks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One deadline for a whole webhook exchange: resolve, connect, TLS handshake, request, status line and headers.
 * A socket read timeout restarts with every byte, so a receiver trickling its handshake or headers could hold a
 * sender thread for hours; here a watchdog thread closes the socket when the deadline passes, which makes any
 * blocked connect, read or write fail at once. A DNS lookup cannot be interrupted: it runs on a thread of its own
 * and the exchange stops waiting for it at the deadline; the lookup itself ends by the OS resolver's timeout, so
 * each sender thread leaves at most a few lookups behind at any time.
 */
final class ExchangeDeadline implements AutoCloseable {

    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();
    private static final ExecutorService RESOLVER = Executors.newCachedThreadPool(daemon("webhook-resolver"));

    private final long deadlineNanos;
    private final ScheduledFuture<?> task;
    private Socket socket;
    private boolean expired;

    private ExchangeDeadline(Duration timeout) {
        deadlineNanos = System.nanoTime() + timeout.toNanos();
        task = WATCHDOG.schedule(this::expire, timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    static ExchangeDeadline start(Duration timeout) {
        return new ExchangeDeadline(timeout);
    }

    /** The guard's resolution of the URL's host, given up on (not stopped) at the deadline. */
    InetAddress resolve(NetworkGuard guard, URI url) throws RefusedAddressException, SocketTimeoutException {
        Future<InetAddress> lookup = RESOLVER.submit(() -> guard.resolve(url));
        try {
            return lookup.get(remainingMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            lookup.cancel(true);
            throw new SocketTimeoutException("host lookup too slow");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RefusedAddressException refused) {
                throw refused;
            }
            throw new IllegalArgumentException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SocketTimeoutException("interrupted");
        }
    }

    /** Time left, at least 1 ms (0 would mean "no timeout" to a socket); throws once the deadline has passed. */
    int remainingMillis() throws SocketTimeoutException {
        long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        if (left <= 0 || expired()) {
            throw new SocketTimeoutException("deadline passed");
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    /** The socket the watchdog closes at the deadline; closed at once if the deadline has already passed. */
    synchronized void watch(Socket watched) throws SocketTimeoutException {
        if (expired) {
            closeQuietly(watched);
            throw new SocketTimeoutException("deadline passed");
        }
        socket = watched;
    }

    /** Whether the watchdog fired: a failure after that is the deadline's doing, whatever exception it shows as. */
    synchronized boolean expired() {
        return expired;
    }

    @Override
    public void close() {
        task.cancel(false);
    }

    private synchronized void expire() {
        expired = true;
        if (socket != null) {
            // The plain socket, never the TLS one on top of it: closing it unblocks a handshake in progress.
            closeQuietly(socket);
        }
    }

    private static void closeQuietly(Socket watched) {
        try {
            watched.close();
        } catch (IOException e) {
            // Closing is all that matters; the exchange fails either way.
        }
    }

    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, daemon("webhook-deadline"));
        // Nearly every exchange ends before its deadline: cancelled tasks leave the queue at once.
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
