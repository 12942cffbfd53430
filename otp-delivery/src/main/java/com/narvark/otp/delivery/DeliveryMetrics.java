package com.narvark.otp.delivery;

import com.narvark.otp.api.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * The delivery module's meters. Labels are channels, provider names, attempt steps and refusal reasons only, never
 * an id, a destination or anything a customer chose. Refusal reasons partly come from carriers (their error codes),
 * so they are cut to a short identifier and capped at {@link #MAX_REASONS} distinct values; the rest count as
 * {@code other}.
 */
@Component
public class DeliveryMetrics {

    static final int MAX_REASONS = 50;
    private static final Pattern REASON = Pattern.compile("[a-z0-9_]{1,40}");
    /** Around the 200 ms dispatch promise, and up to the send timeout. */
    private static final Duration[] DISPATCH_BUCKETS = {Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(30)};
    /** Handsets answer in seconds to minutes; receipt timeouts are 30 to 90 s. */
    private static final Duration[] RECEIPT_BUCKETS = {Duration.ofMillis(100), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(300)};

    private final MeterRegistry registry;
    private final Set<String> reasons = ConcurrentHashMap.newKeySet();

    public DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** From the moment the attempt was due (the OTP's acceptance for the first) to the carrier's acceptance. */
    void dispatched(OutboundMessage message, String provider, Instant acceptedAt) {
        if (message.since() == null) {
            return; // a process started before the attempt's start was recorded
        }
        Timer.builder("narvark.delivery.dispatch")
                .description("From the OTP accepted (or the fallback decided) to the carrier accepting the message")
                .tag("channel", message.channel().wireName())
                .tag("provider", provider)
                .tag("step", message.fallbackStep() == 0 ? "primary" : "fallback")
                .serviceLevelObjectives(DISPATCH_BUCKETS)
                .register(registry)
                .record(Duration.between(message.since(), acceptedAt));
    }

    /** From the carrier's acceptance to its delivery receipt. */
    void receipted(Channel channel, String provider, Duration sinceAccepted) {
        Timer.builder("narvark.delivery.receipt")
                .description("From the carrier accepting the message to its delivery receipt")
                .tag("channel", channel.wireName())
                .tag("provider", provider)
                .serviceLevelObjectives(RECEIPT_BUCKETS)
                .register(registry)
                .record(sinceAccepted.isNegative() ? Duration.ZERO : sinceAccepted);
    }

    void refused(Channel channel, String provider, String reason) {
        Counter.builder("narvark.carrier.refusals")
                .description("Messages a carrier refused (or could not take), by reason")
                .tag("channel", channel.wireName())
                .tag("provider", provider)
                .tag("reason", boundedReason(reason))
                .register(registry)
                .increment();
    }

    /** Counted when the delivery process's decision commits, so a retried event batch does not count twice. */
    void fallback(Channel from, Channel to) {
        Counter counter = Counter.builder("narvark.delivery.fallbacks")
                .description("Fallbacks taken: the next channel started after one failed")
                .tag("from", from.wireName())
                .tag("to", to.wireName())
                .register(registry);
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> counter.increment());
        } else {
            counter.increment();
        }
    }

    String boundedReason(String reason) {
        if (reason == null || !REASON.matcher(reason).matches()) {
            return "other";
        }
        if (reasons.contains(reason) || reasons.size() < MAX_REASONS && reasons.add(reason)) {
            return reason;
        }
        return "other";
    }
}
