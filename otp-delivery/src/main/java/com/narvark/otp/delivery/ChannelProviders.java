package com.narvark.otp.delivery;

import com.narvark.otp.api.Channel;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Chooses the provider of each channel from {@code narvark.delivery.<channel>.provider} (default {@code sandbox}).
 * An unknown or unfit provider name fails the start, not the first OTP.
 */
@Component
class ChannelProviders {

    private final Map<Channel, ChannelProvider> byChannel = new EnumMap<>(Channel.class);

    ChannelProviders(List<ChannelProvider> providers, Environment environment) {
        for (Channel channel : Channel.values()) {
            String name = environment.getProperty("narvark.delivery." + channel.wireName() + ".provider", "sandbox");
            // The test-mode simulator is never a live channel's carrier.
            ChannelProvider provider = providers.stream()
                    .filter(p -> !(p instanceof TestModeSimulator) && p.name().equals(name) && p.supports(channel))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("narvark.delivery." + channel.wireName()
                            + ".provider=" + name + " is not a provider for " + channel.wireName()));
            byChannel.put(channel, provider);
        }
    }

    ChannelProvider forChannel(Channel channel) {
        return byChannel.get(channel);
    }
}
