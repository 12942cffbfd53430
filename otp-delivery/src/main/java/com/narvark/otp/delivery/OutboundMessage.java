package com.narvark.otp.delivery;

import com.narvark.otp.api.Channel;

/**
 * A rendered message on its way to a carrier. {@code reference} (OTP id and attempt) is unique per delivery
 * attempt and doubles as the carrier idempotency key where the carrier supports one.
 */
public record OutboundMessage(String otpId, int attempt, String accountId, Channel channel, String to, String text) {

    public String reference() {
        return otpId + ":" + attempt;
    }

    @Override
    public String toString() {
        return "OutboundMessage[" + reference() + " via " + channel + ", text=<redacted>]";
    }
}
