package com.narvark.otp.delivery;

import com.narvark.otp.api.Channel;
import java.time.Instant;

/**
 * A message on its way to a carrier. The plaintext {@code code} lives only in memory (WhatsApp templates need it
 * apart from the text). {@code reference} (OTP id and attempt) is unique per delivery attempt and is the carrier
 * idempotency key where the carrier supports one. {@code fallbackStep} is the channel's place in the OTP's channel
 * list (0 = the primary), whichever send round the attempt belongs to. {@code since} is when the attempt became due
 * (the OTP's acceptance for its first attempt, the saga's decision for a fallback or a resend): dispatch latency is
 * measured from it.
 */
public record OutboundMessage(String otpId, int attempt, int fallbackStep, String accountId, Channel channel,
                              String to, String code, String text, String template, Instant expiresAt,
                              Instant since) {

    public String reference() {
        return otpId + ":" + attempt;
    }

    @Override
    public String toString() {
        return "OutboundMessage[" + reference() + " via " + channel + ", code=<redacted>]";
    }
}
