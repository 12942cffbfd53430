package com.narvark.gateway.support;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.FailureReason;
import com.narvark.otp.delivery.CarrierAcceptance;
import com.narvark.otp.delivery.CarrierFailure;
import com.narvark.otp.delivery.CarrierRefusedException;
import com.narvark.otp.delivery.ChannelProvider;
import com.narvark.otp.delivery.OutboundMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The tests' WhatsApp carrier (network edge stand-in): numbers starting +44 7400 900 are "not on
 * WhatsApp" and refused synchronously, as a real carrier does; every other message goes to the sandbox carrier. Lets
 * integration tests drive a real fallback and a real all-channels-failed OTP.
 */
@Component
class NotOnWhatsAppCarrier implements ChannelProvider {

    static final String NAME = "test-not-on-whatsapp";
    public static final String UNREACHABLE_PREFIX = "+447400900";

    private final ObjectProvider<ChannelProvider> providers;

    NotOnWhatsAppCarrier(ObjectProvider<ChannelProvider> providers) {
        this.providers = providers;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean supports(Channel channel) {
        return channel == Channel.WHATSAPP;
    }

    @Override
    public CarrierAcceptance send(OutboundMessage message) throws Exception {
        if (message.to().startsWith(UNREACHABLE_PREFIX)) {
            // What Meta answers for a number without WhatsApp: 131026, undeliverable.
            throw new CarrierRefusedException(new CarrierFailure(FailureReason.UNREACHABLE, "whatsapp:131026"),
                    "the number has no WhatsApp account");
        }
        return providers.stream().filter(p -> p.name().equals("sandbox")).findFirst().orElseThrow().send(message);
    }
}
