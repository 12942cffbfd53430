package com.narvark.otp.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Polls the outbox on every node. Each poll claims a batch of due deliveries and hands each endpoint's share, in
 * order, to one worker (a lane), which posts it in waves: up to {@code postsInFlight} deliveries at once, of different
 * OTPs, so one OTP's events reach the endpoint one after another while a busy endpoint is not limited to one round
 * trip per webhook (35 webhooks/s under load on this machine's loopback, against the 90/s that 30 OTPs/s make; over a
 * real network far fewer). A batch's first wave is one delivery and each wave that all succeeded doubles the next, so
 * a dead endpoint is tried with its oldest delivery only. Different endpoints go in parallel, so a receiver that hangs
 * holds one worker (and its wave's posting threads) for at most the timeout. One account's endpoints run on at most
 * {@code perAccountConcurrency} workers ({@link AccountLanes}), so one account's slow receivers cannot hold every
 * worker; its other endpoints wait their turn in its lanes, and it is not claimed from while its lanes are full.
 * When an attempt of a wave fails, the endpoint's remaining claimed deliveries are released unsent (they queue behind
 * the failed one). {@link LeaseKeeper} renews the lease of what a batch still holds while it runs, so the lease stays
 * short (a dead node's deliveries come back within one lease) and a delivery that waited long in a lane is never
 * sent by this node after another node claimed it: a lost lease is not renewed. On shutdown,
 * claimed deliveries not yet attempted are released at once, so the next node sends them without waiting for the
 * lease to end.
 */
@Component
class WebhookSender implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);

    private final DeliveryQueue queue;
    private final DeliveryAttempt attempt;
    private final SenderSettings settings;
    private final Clock clock;
    private final AccountLanes lanes;
    private final LeaseKeeper leases;
    private volatile boolean running;
    private ScheduledExecutorService poller;
    private ThreadPoolExecutor workers;
    /** The other posts of a wave (the lane posts the first itself): never more than the lanes can ask for at once. */
    private ThreadPoolExecutor posters;

    WebhookSender(DeliveryQueue queue, DeliveryAttempt attempt, SenderSettings settings, Clock clock) {
        this.queue = queue;
        this.attempt = attempt;
        this.settings = settings;
        this.clock = clock;
        this.lanes = new AccountLanes(settings.perAccountConcurrency());
        this.leases = new LeaseKeeper(queue, settings.lease(), clock);
    }

    @Override
    public synchronized void start() {
        if (!settings.enabled() || running) {
            return;
        }
        running = true;
        AtomicInteger threadNumber = new AtomicInteger();
        workers = new ThreadPoolExecutor(settings.threads(), settings.threads(), 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(),
                runnable -> daemon(runnable, "webhook-sender-" + threadNumber.incrementAndGet()));
        int posterThreads = Math.max(1, settings.threads() * (settings.postsInFlight() - 1));
        AtomicInteger posterNumber = new AtomicInteger();
        posters = new ThreadPoolExecutor(posterThreads, posterThreads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(),
                runnable -> daemon(runnable, "webhook-poster-" + posterNumber.incrementAndGet()));
        posters.allowCoreThreadTimeOut(true);
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "webhook-poller"));
        leases.start();
        long interval = settings.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::poll, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        poller.shutdown();
        workers.shutdown();
        try {
            long grace = settings.timeout().toMillis() * 2 + 1000;
            if (!poller.awaitTermination(grace, TimeUnit.MILLISECONDS)
                    || !workers.awaitTermination(grace, TimeUnit.MILLISECONDS)) {
                LOG.warn("webhook sender still busy at shutdown; its leased deliveries are retried after the lease");
                workers.shutdownNow();
            }
            posters.shutdown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            leases.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    void poll() {
        if (!running || !workers.getQueue().isEmpty()) {
            return;
        }
        try {
            Instant leaseUntil = leases.leaseFromNow();
            List<ClaimedDelivery> claimed = queue.claim(clock.instant(), leaseUntil, settings.batchSize(),
                    lanes.full());
            Map<String, List<ClaimedDelivery>> byEndpoint = new LinkedHashMap<>();
            claimed.forEach(d -> byEndpoint.computeIfAbsent(d.endpointId(), id -> new ArrayList<>()).add(d));
            byEndpoint.values().forEach(deliveries -> start(deliveries, leaseUntil));
        } catch (RuntimeException e) {
            LOG.warn("webhook poll failed; trying again next poll", e);
        }
    }

    private void start(List<ClaimedDelivery> deliveries, Instant leaseUntil) {
        Runnable lane = lanes.add(deliveries.get(0).accountId(), () -> send(deliveries, leaseUntil));
        if (lane == null) {
            return;
        }
        try {
            workers.execute(lane);
        } catch (RejectedExecutionException e) {
            // Stopping: run the lane here; with the sender stopped it only releases its batches.
            lane.run();
        }
    }

    private void send(List<ClaimedDelivery> claimed, Instant claimedUntil) {
        HeldBatch batch = leases.hold(claimed, claimedUntil);
        Successes successes = attempt.successes(batch);
        try {
            int window = 1;
            for (List<ClaimedDelivery> wave = batch.wave(clock.instant(), window); !wave.isEmpty();
                 wave = batch.wave(clock.instant(), window)) {
                if (!running) {
                    successes.flush();
                    queue.release(batch.rest(), clock.instant());
                    return;
                }
                boolean taken = record(post(wave), successes);
                batch.advance(wave.size());
                if (!taken) {
                    queue.release(batch.rest(), clock.instant());
                    return;
                }
                window = Math.min(settings.postsInFlight(), window * 2);
            }
            // Ended early, the batch was lost to another node, which sends the rest in order, or its lease ran out
            // while the database was away (the rows are due again, for whichever node claims them first).
            successes.flush();
        } catch (RuntimeException e) {
            // Their lease ends and they are tried again: a storage hiccup must not lose a webhook.
            LOG.warn("webhook outcomes of endpoint {} could not be recorded", claimed.get(0).endpointId(), e);
            return;
        } finally {
            leases.letGo(batch);
        }
        if (batch.size() >= settings.batchSize()) {
            pollNow();
        }
    }

    /** Posts a wave at once: the first on this lane's thread, the others on posting threads. */
    private List<DeliveryAttempt.Posted> post(List<ClaimedDelivery> wave) {
        List<Future<DeliveryAttempt.Posted>> others = new ArrayList<>();
        for (ClaimedDelivery delivery : wave.subList(1, wave.size())) {
            others.add(posters.submit(() -> attempt.post(delivery)));
        }
        List<DeliveryAttempt.Posted> posted = new ArrayList<>();
        posted.add(attempt.post(wave.get(0)));
        for (Future<DeliveryAttempt.Posted> other : others) {
            posted.add(outcome(other));
        }
        return posted;
    }

    private static DeliveryAttempt.Posted outcome(Future<DeliveryAttempt.Posted> post) {
        try {
            return post.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while posting webhooks", e);
        }
    }

    /**
     * Records a wave's outcomes: its successes first, then its failures, so that a success of the wave never clears
     * the endpoint's failing state that a failure of the same wave set.
     *
     * @return whether every post of the wave was taken
     */
    private boolean record(List<DeliveryAttempt.Posted> wave, Successes successes) {
        boolean allTaken = true;
        for (DeliveryAttempt.Posted posted : wave) {
            if (posted.succeeded()) {
                attempt.record(posted, successes);
            }
        }
        for (DeliveryAttempt.Posted posted : wave) {
            if (!posted.succeeded()) {
                attempt.record(posted, successes);
                allTaken = false;
            }
        }
        return allTaken;
    }

    /**
     * A full batch sent means the endpoint has more waiting, and none of it could be claimed while this batch held the
     * lead: claim again now rather than after the poll interval, or one endpoint would get at most a batch per interval
     * (100/s by default, below the 120 webhooks/s of 30 OTPs/s; after a restart the backlog never caught up).
     */
    private void pollNow() {
        try {
            poller.execute(this::poll);
        } catch (RejectedExecutionException e) {
            // Stopping: nothing more is claimed.
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
