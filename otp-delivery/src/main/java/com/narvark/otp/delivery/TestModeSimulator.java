package com.narvark.otp.delivery;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.FailureReason;
import com.narvark.otp.delivery.CarrierAcceptance.Receipt;
import org.springframework.stereotype.Component;

/**
 * The carrier of the test environment. It sends nothing anywhere; its outcome is scripted by magic destinations
 * (documented in the README) so customers can test their handling of every delivery path:
 * <pre>
 *   +15005550001  delivered@narvark.test      delivered (also the outcome of every other destination)
 *   +15005550002  read@narvark.test           delivered, then read
 *   +15005550003  undeliverable@narvark.test  the primary channel fails (unreachable), the fallbacks deliver
 *   +15005550004  failed@narvark.test         every channel fails (unreachable)
 *   +15005550005  silent@narvark.test         accepted, no receipt ever: unconfirmed, the code still verifies
 *   +15005550010  invalid_destination@narvark.test   every channel fails with that failure reason; likewise
 *   ...           ...                              11 unreachable, 12 blocked, 13 country_not_supported,
 *   +15005550018  carrier_error@narvark.test         14 content_rejected, 15 rate_limited, 16 carrier_timeout,
 *                                                    17 carrier_unavailable, 18 carrier_error
 * </pre>
 * Failures carry the carrier error {@code simulator:<reason>}, so integrations can be tested on the carrier error
 * field too. SMS texts report the parts and alphabet a real SMSC would get.
 */
@Component
class TestModeSimulator implements ChannelProvider {

    static final String NAME = "simulator";
    private static final String MAGIC_NUMBER = "+150055500";
    /** +15005550010 to +15005550018, in this order: public (README), so never reordered. */
    private static final FailureReason[] BY_DIGIT = {FailureReason.INVALID_DESTINATION, FailureReason.UNREACHABLE,
            FailureReason.BLOCKED, FailureReason.COUNTRY_NOT_SUPPORTED, FailureReason.CONTENT_REJECTED,
            FailureReason.RATE_LIMITED, FailureReason.CARRIER_TIMEOUT, FailureReason.CARRIER_UNAVAILABLE,
            FailureReason.CARRIER_ERROR};

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
        String outcome = outcome(message.to());
        FailureReason scripted = scriptedFailure(outcome);
        if (scripted != null) {
            throw refusal(scripted, "simulated: every channel fails with " + scripted.wireName());
        }
        return switch (outcome) {
            case "02", "read" -> CarrierAcceptance.of(id, message, Receipt.READ);
            case "03", "undeliverable" -> {
                if (message.fallbackStep() == 0) {
                    throw refusal(FailureReason.UNREACHABLE, "simulated: primary channel undeliverable");
                }
                yield CarrierAcceptance.of(id, message, Receipt.DELIVERED);
            }
            case "04", "failed" -> throw refusal(FailureReason.UNREACHABLE, "simulated: every channel fails");
            case "05", "silent" -> CarrierAcceptance.of(id, message, Receipt.NONE);
            default -> CarrierAcceptance.of(id, message, Receipt.DELIVERED);
        };
    }

    /** +1500555001N picks the N-th failure reason; {@code <wire name>@narvark.test} picks it by name. */
    private static FailureReason scriptedFailure(String outcome) {
        if (outcome.length() == 2 && outcome.charAt(0) == '1') {
            int digit = outcome.charAt(1) - '0';
            return digit < BY_DIGIT.length ? BY_DIGIT[digit] : null;
        }
        return FailureReason.fromWireName(outcome).orElse(null);
    }

    private static CarrierRefusedException refusal(FailureReason reason, String message) {
        return new CarrierRefusedException(new CarrierFailure(reason, NAME + ":" + reason.wireName()), message);
    }

    /** The last two digits of a magic number, or the local part of a magic address; empty for any other. */
    private static String outcome(String destination) {
        if (destination.startsWith(MAGIC_NUMBER) && destination.length() == MAGIC_NUMBER.length() + 2) {
            return destination.substring(MAGIC_NUMBER.length());
        }
        return destination.endsWith("@narvark.test") ? destination.substring(0, destination.indexOf('@')) : "";
    }
}
