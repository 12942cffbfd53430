package com.narvark.otp.delivery;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.FailureReason;
import com.narvark.otp.api.command.RecordOtpDeliveryFailedCommand;
import com.narvark.otp.api.command.RecordOtpDispatchedCommand;
import com.narvark.otp.delivery.CarrierAcceptance.Receipt;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Runs carrier calls on one bounded worker pool per channel, after the delivery process's transaction committed,
 * and records each outcome on the OTP. A slow or dead carrier therefore only queues its own channel's messages;
 * event processors and other channels move on. Test-environment messages go to the simulator, never to a carrier.
 * <p>
 * The job carries the trace of the process's decision onto the worker thread, so the carrier call (an observation:
 * a span, and the {@code narvark.carrier.send} timer by outcome) and the commands recording its outcome belong to
 * the trace of the request that created the OTP. It depends on the node's heartbeat ({@link NodeLiveness}), so on
 * a clean shutdown its queues drain before the heartbeat row goes: another node resends a queued message only once
 * this node is gone.
 */
@Component
public class DeliveryDispatcher implements CarrierDispatch, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryDispatcher.class);

    private final ChannelProviders providers;
    private final TestModeSimulator simulator;
    private final CarrierMessages carrierMessages;
    private final CarrierHandovers handovers;
    private final Receipts receipts;
    private final OutcomeRecorder outcomes;
    private final Clock clock;
    private final DeliveryMetrics metrics;
    private final ObservationRegistry observations;
    private final ObjectProvider<Tracer> tracer;
    private final NodeLiveness nodes;
    private final Map<Channel, ThreadPoolExecutor> workers = new EnumMap<>(Channel.class);

    DeliveryDispatcher(ChannelProviders providers, TestModeSimulator simulator, CarrierMessages carrierMessages,
                       CarrierHandovers handovers, Receipts receipts, CommandGateway commands, Clock clock,
                       Environment environment, DeliveryMetrics metrics,
                       ObjectProvider<ObservationRegistry> observations, ObjectProvider<Tracer> tracer,
                       NodeLiveness nodes) {
        this.providers = providers;
        this.simulator = simulator;
        this.carrierMessages = carrierMessages;
        this.handovers = handovers;
        this.receipts = receipts;
        this.outcomes = new OutcomeRecorder(commands, clock);
        this.clock = clock;
        this.metrics = metrics;
        this.observations = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
        this.tracer = tracer;
        this.nodes = nodes;
        for (Channel channel : Channel.values()) {
            int threads = environment.getProperty("narvark.delivery." + channel.wireName() + ".workers",
                    Integer.class, 16);
            ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                    new ArrayBlockingQueue<>(10_000), runnable -> {
                        Thread thread = new Thread(runnable, "carrier-" + channel.wireName());
                        thread.setDaemon(true);
                        return thread;
                    });
            pool.allowCoreThreadTimeOut(true);
            workers.put(channel, pool);
        }
    }

    /** Sends once the transaction committed, so a rolled-back decision never reaches a carrier. */
    @Override
    public void submit(boolean livemode, OutboundMessage message) {
        ChannelProvider provider = livemode ? providers.forChannel(message.channel()) : simulator;
        Runnable job = inCurrentTrace(() -> observed(provider, message, livemode));
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> enqueue(message, job));
        } else {
            enqueue(message, job);
        }
    }

    @Override
    public String node() {
        return nodes.self();
    }

    private void enqueue(OutboundMessage message, Runnable job) {
        try {
            workers.get(message.channel()).execute(job);
        } catch (RejectedExecutionException full) {
            // Narvark's own queue for the channel is full: to the customer that is the carrier throttling.
            metrics.refused(message.channel(), "queue", FailureReason.RATE_LIMITED.wireName());
            record(message, new RecordOtpDeliveryFailedCommand(message.otpId(), message.channel(),
                    message.attempt(), FailureReason.RATE_LIMITED.wireName(), "narvark:queue_full"));
        }
    }

    private Runnable inCurrentTrace(Runnable job) {
        Tracer current = tracer.getIfAvailable();
        return current == null ? job : current.currentTraceContext().wrap(job);
    }

    private void observed(ChannelProvider provider, OutboundMessage message, boolean livemode) {
        Observation observation = Observation.createNotStarted("narvark.carrier.send", observations)
                .contextualName("carrier " + provider.name() + " " + message.channel().wireName())
                .lowCardinalityKeyValue("channel", message.channel().wireName())
                .lowCardinalityKeyValue("provider", provider.name())
                .highCardinalityKeyValue("narvark.otp_id", message.otpId())
                .highCardinalityKeyValue("narvark.attempt", Integer.toString(message.attempt()));
        observation.observe(() -> observation.lowCardinalityKeyValue("outcome",
                livemode && !handOver(message) ? "superseded" : deliver(provider, message)));
    }

    /**
     * Marks the attempt as handed over before the carrier call ({@link CarrierHandovers}); false when another node
     * already handed it over or the OTP's delivery ended, so nothing is sent. Test-mode messages reach no phone and are
     * not marked. With the database away the message goes out unmarked: holding every send back for an outage would
     * delay them all, while an unmarked send is only repeated if this node also dies before writing its answer down.
     */
    private boolean handOver(OutboundMessage message) {
        try {
            return handovers.begin(message.otpId(), message.attempt());
        } catch (RuntimeException databaseAway) {
            LOG.warn("{}: handed to the carrier unmarked ({})", message, databaseAway.toString());
            return true;
        }
    }

    /**
     * Calls the carrier, and once more with the same reference when the first call's outcome is unknown (carriers
     * with idempotency drop the duplicate); two unknown outcomes fail the attempt as {@code carrier_timeout}. This
     * node settles its own sends: no other node sends a message again while this one lives.
     *
     * @return the outcome: accepted, refused, unknown or expired (and superseded, from the caller: not handed over)
     */
    private String deliver(ChannelProvider provider, OutboundMessage message) {
        for (int call = 1; ; call++) {
            if (!clock.instant().isBefore(message.expiresAt())) {
                return "expired"; // a code that no longer works is not worth a message; the expiry ends the process
            }
            CarrierAcceptance acceptance;
            try {
                acceptance = provider.send(message);
            } catch (CarrierRefusedException refused) {
                CarrierFailure failure = refused.failure();
                LOG.info("{} refused by {}: {} ({})", message, provider.name(), failure.wireName(),
                        failure.carrierError());
                metrics.refused(message.channel(), provider.name(), failure.wireName());
                record(message, new RecordOtpDeliveryFailedCommand(message.otpId(), message.channel(),
                        message.attempt(), failure.wireName(), failure.carrierError()));
                return "refused";
            } catch (Exception unknownOutcome) {
                LOG.warn("{} via {}: outcome unknown ({}), call {} of 2", message, provider.name(),
                        unknownOutcome.toString(), call);
                if (call == 2) {
                    record(message, new RecordOtpDeliveryFailedCommand(message.otpId(), message.channel(),
                            message.attempt(), FailureReason.CARRIER_TIMEOUT.wireName()));
                    return "unknown";
                }
                continue;
            }
            // Outside the try: a failure to write the acceptance down must never make a second carrier call.
            accepted(provider, message, acceptance);
            return "accepted";
        }
    }

    private void accepted(ChannelProvider provider, OutboundMessage message, CarrierAcceptance acceptance) {
        Instant acceptedAt = clock.instant();
        LOG.debug("{} accepted by {} as {}", message, provider.name(), acceptance.carrierMessageId());
        metrics.dispatched(message, provider.name(), acceptedAt);
        // First: if this node dies before the dispatch is recorded, the process finds it here (a failure here only
        // leaves a receipt unmatched; the dispatch is still recorded, retried until it sticks).
        try {
            carrierMessages.remember(provider.name(), acceptance, message, acceptedAt);
        } catch (RuntimeException e) {
            LOG.warn("{}: carrier acceptance {} not written down", message, acceptance.carrierMessageId(), e);
        }
        record(message, new RecordOtpDispatchedCommand(message.otpId(), message.channel(), message.attempt(),
                acceptance.carrierMessageId(), acceptance.parts(), acceptance.encoding()));
        if (acceptance.immediateReceipt() != Receipt.NONE) {
            receipts.delivered(provider.name(), acceptance.carrierMessageId());
        }
        if (acceptance.immediateReceipt() == Receipt.READ) {
            receipts.read(provider.name(), acceptance.carrierMessageId());
        }
    }

    private void record(OutboundMessage message, Object command) {
        outcomes.record(command, message.expiresAt());
    }

    @Override
    public void destroy() throws InterruptedException {
        workers.values().forEach(ThreadPoolExecutor::shutdown);
        for (ThreadPoolExecutor pool : workers.values()) {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        outcomes.stop();
    }
}
