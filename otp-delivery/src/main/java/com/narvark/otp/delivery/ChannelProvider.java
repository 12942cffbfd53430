package com.narvark.otp.delivery;

import com.narvark.otp.api.Channel;

/**
 * One carrier integration. {@link #send} runs on the channel's own worker pool, never on an event processor thread,
 * so a slow carrier cannot hold up other OTPs. It throws {@link CarrierRefusedException} when the carrier said no,
 * and any other exception when the outcome is unknown (then the attempt is retried once with the same reference).
 */
public interface ChannelProvider {

    /** The provider's configuration name, e.g. {@code sandbox}, {@code smpp}, {@code twilio}. */
    String name();

    boolean supports(Channel channel);

    CarrierAcceptance send(OutboundMessage message) throws Exception;
}
