package com.narvark.otp.delivery;

import com.narvark.otp.api.Channel;
import java.time.Duration;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Delivery timing. {@code narvark.delivery.send-timeout}: when the delivery process first looks again at a send
 * whose live node has not reported (then after as long as it has waited). {@code narvark.delivery.<channel>.receipt-timeout}: how long to wait for
 * the delivery receipt after the carrier accepted, before falling back (0 = the channel has no receipts: email).
 * {@code narvark.delivery.dispatch-check}: when to first look whether a handed-over message reached its carrier;
 * {@code narvark.delivery.node-silence}: how long a node may miss its heartbeats before its queued messages are
 * presumed lost with it and sent again by another node.
 */
@Component
public class DeliverySettings {

    private final Environment environment;

    DeliverySettings(Environment environment) {
        this.environment = environment;
    }

    public Duration sendTimeout() {
        return environment.getProperty("narvark.delivery.send-timeout", Duration.class, Duration.ofSeconds(15));
    }

    public Duration receiptTimeout(Channel channel) {
        Duration fallback = switch (channel) {
            case WHATSAPP -> Duration.ofSeconds(30);
            case SMS -> Duration.ofSeconds(60);
            case VOICE -> Duration.ofSeconds(90);
            case EMAIL -> Duration.ZERO;
        };
        return environment.getProperty("narvark.delivery." + channel.wireName() + ".receipt-timeout", Duration.class,
                fallback);
    }

    public Duration dispatchCheck() {
        return environment.getProperty("narvark.delivery.dispatch-check", Duration.class, Duration.ofSeconds(3));
    }

    public Duration nodeSilence() {
        return environment.getProperty("narvark.delivery.node-silence", Duration.class, Duration.ofSeconds(2));
    }
}
