package com.narvark.otp.api.event;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.Destination;
import com.narvark.otp.api.message.MessageOptions;
import com.narvark.otp.api.message.OtpTransaction;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An OTP was accepted. The code is present only as a keyed hash (for verification) and as an AES-GCM ciphertext
 * (for delivery); the ciphertext names its key, so keys can rotate. {@code expiryDeadlineId} named the OTP's
 * db-scheduler expiry deadline while expiry was one; the expiry is now a row of otp-command's own, so new OTPs leave
 * it null (the field stays, so that stored events keep their shape).
 * <p>
 * {@code message} (brand, language, autofill lines) and {@code transaction} (the payment the code approves, bound
 * into its hash) came later: events stored before them hold neither, so both read as null and every reader falls
 * back ({@link MessageOptions#orDefault}, no transaction). New fields only ever join at the end, nullable.
 */
public record OtpRequestedEvent(String otpId, String accountId, boolean livemode, Destination to, Channel channel,
                                List<Channel> fallback, int codeLength, int maxAttempts, String template,
                                Map<String, String> metadata, byte[] codeHash, byte[] encryptedCode,
                                Instant requestedAt, Instant expiresAt, String expiryDeadlineId,
                                MessageOptions message, OtpTransaction transaction) implements OtpEvent {

    /** An OTP as requested before messages had a brand, a language or a transaction. */
    public OtpRequestedEvent(String otpId, String accountId, boolean livemode, Destination to, Channel channel,
                             List<Channel> fallback, int codeLength, int maxAttempts, String template,
                             Map<String, String> metadata, byte[] codeHash, byte[] encryptedCode,
                             Instant requestedAt, Instant expiresAt, String expiryDeadlineId) {
        this(otpId, accountId, livemode, to, channel, fallback, codeLength, maxAttempts, template, metadata,
                codeHash, encryptedCode, requestedAt, expiresAt, expiryDeadlineId, null, null);
    }

    /** Never null: the message options, or the defaults of an event stored before them. */
    public MessageOptions messageOrDefault() {
        return MessageOptions.orDefault(message);
    }
}
