package com.narvark.otp.delivery;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.command.RecordOtpDeliveredCommand;
import com.narvark.otp.api.command.RecordOtpDeliveryFailedCommand;
import com.narvark.otp.api.command.RecordOtpDispatchedCommand;
import com.narvark.otp.api.crypto.SecretCipher;
import com.narvark.otp.api.event.OtpRequestedEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Hands each new live OTP to its channel's provider, trying the fallback channels in order when a carrier refuses,
 * and records every outcome on the OTP. Test-environment OTPs never reach a provider: their delivery is simulated.
 * Its processor starts at the head of the stream and never acts on replays, so history is never re-sent.
 */
@Component
@ProcessingGroup(OtpDispatcher.PROCESSING_GROUP)
class OtpDispatcher {

    static final String PROCESSING_GROUP = "otp-delivery";
    private static final Logger LOG = LoggerFactory.getLogger(OtpDispatcher.class);

    private final ChannelProviders providers;
    private final CommandGateway commands;
    private final SecretCipher cipher;
    private final Clock clock;

    OtpDispatcher(ChannelProviders providers, CommandGateway commands, SecretCipher cipher, Clock clock) {
        this.providers = providers;
        this.commands = commands;
        this.cipher = cipher;
        this.clock = clock;
    }

    @EventHandler
    @DisallowReplay
    void on(OtpRequestedEvent event) {
        if (!event.livemode()) {
            String simulatedId = "sim_" + event.otpId().substring("otp_".length());
            commands.sendAndWait(new RecordOtpDispatchedCommand(event.otpId(), event.channel(), 0, simulatedId));
            commands.sendAndWait(new RecordOtpDeliveredCommand(event.otpId(), event.channel(), 0));
            return;
        }
        Instant now = clock.instant();
        if (!now.isBefore(event.expiresAt())) {
            LOG.warn("{} expired before it could be dispatched; not sending", event.otpId());
            return;
        }
        String code = cipher.decrypt(event.encryptedCode(), event.otpId());
        List<Channel> channels = new ArrayList<>();
        channels.add(event.channel());
        channels.addAll(event.fallback());
        for (int attempt = 0; attempt < channels.size(); attempt++) {
            Channel channel = channels.get(attempt);
            String text = OtpMessageText.render(channel, code, Duration.between(now, event.expiresAt()), Locale.ENGLISH);
            try {
                String carrierId = providers.forChannel(channel).send(new OutboundMessage(event.otpId(), attempt,
                        event.accountId(), channel, event.to().value(), text));
                commands.sendAndWait(new RecordOtpDispatchedCommand(event.otpId(), channel, attempt, carrierId));
                return;
            } catch (CarrierRefusedException refused) {
                LOG.info("{} attempt {} refused on {}: {}", event.otpId(), attempt, channel, refused.reason());
                commands.sendAndWait(new RecordOtpDeliveryFailedCommand(event.otpId(), channel, attempt,
                        refused.reason()));
            }
        }
    }
}
