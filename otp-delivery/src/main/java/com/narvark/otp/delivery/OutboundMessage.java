package com.narvark.otp.delivery;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.message.MessageOptions;
import com.narvark.otp.api.message.OtpTransaction;
import java.time.Instant;

/**
 * A message on its way to a carrier. The plaintext {@code code} lives only in memory (WhatsApp templates need it
 * apart from the text). {@code reference} (OTP id and attempt) is unique per delivery attempt and is the carrier
 * idempotency key where the carrier supports one. {@code fallbackStep} is the channel's place in the OTP's channel
 * list (0 = the primary), whichever send round the attempt belongs to. {@code since} is when the attempt became due
 * (the OTP's acceptance for its first attempt, the delivery process's decision for a fallback or a resend): dispatch latency is
 * measured from it. {@code message} (never null) and {@code transaction} are what the text was written from;
 * carriers that write a message of their own (an email's subject and HTML, a call's language, a WhatsApp
 * template's language) read them.
 */
public record OutboundMessage(String otpId, int attempt, int fallbackStep, String accountId, Channel channel,
                              String to, String code, String text, String template, Instant expiresAt,
                              Instant since, MessageOptions message, OtpTransaction transaction) {

    public OutboundMessage {
        message = MessageOptions.orDefault(message);
    }

    /** A message in English, unbranded, approving no transaction. */
    public OutboundMessage(String otpId, int attempt, int fallbackStep, String accountId, Channel channel, String to,
                           String code, String text, String template, Instant expiresAt, Instant since) {
        this(otpId, attempt, fallbackStep, accountId, channel, to, code, text, template, expiresAt, since, null,
                null);
    }

    public String reference() {
        return otpId + ":" + attempt;
    }

    @Override
    public String toString() {
        return "OutboundMessage[" + reference() + " via " + channel + ", code=<redacted>]";
    }
}
