package com.narvark.otp.delivery;

import com.narvark.otp.api.Channel;

/** One carrier integration. Implementations throw {@link CarrierRefusedException} when the carrier says no. */
public interface ChannelProvider {

    /** The provider's configuration name, e.g. {@code sandbox}. */
    String name();

    boolean supports(Channel channel);

    /** Hands the message to the carrier; returns once the carrier accepted it, with the carrier's message id. */
    String send(OutboundMessage message);
}
