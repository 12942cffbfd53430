package com.narvark.otp.delivery;

import com.narvark.otp.api.Channel;
import com.narvark.otp.delivery.CarrierAcceptance.Receipt;
import org.springframework.stereotype.Component;

/**
 * The carrier of the test environment. It sends nothing anywhere; its outcome is scripted by magic destinations
 * (documented in the README) so customers can test their handling of every delivery path:
 * <pre>
 *   +15005550001  delivered@narvark.test      delivered (also the outcome of every other destination)
 *   +15005550002  read@narvark.test           delivered, then read
 *   +15005550003  undeliverable@narvark.test  the primary channel fails, the fallbacks deliver
 *   +15005550004  failed@narvark.test         every channel fails
 *   +15005550005  silent@narvark.test         accepted, no receipt ever: unconfirmed, the code still verifies
 * </pre>
 */
@Component
class TestModeSimulator implements ChannelProvider {

    static final String NAME = "simulator";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean supports(Channel channel) {
        return true;
    }

    @Override
    public CarrierAcceptance send(OutboundMessage message) {
        String id = "sim_" + message.otpId().substring("otp_".length()) + "_" + message.attempt();
        return switch (outcome(message.to())) {
            case "0002", "read" -> new CarrierAcceptance(id, Receipt.READ);
            case "0003", "undeliverable" -> {
                if (message.fallbackStep() == 0) {
                    throw new CarrierRefusedException("undeliverable", "simulated: primary channel undeliverable");
                }
                yield new CarrierAcceptance(id, Receipt.DELIVERED);
            }
            case "0004", "failed" -> throw new CarrierRefusedException("undeliverable", "simulated: every channel fails");
            case "0005", "silent" -> new CarrierAcceptance(id, Receipt.NONE);
            default -> new CarrierAcceptance(id, Receipt.DELIVERED);
        };
    }

    private static String outcome(String destination) {
        if (destination.startsWith("+150055500")) {
            return destination.substring(destination.length() - 4);
        }
        return destination.endsWith("@narvark.test") ? destination.substring(0, destination.indexOf('@')) : "";
    }
}
