package com.narvark.otp.api.command;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.Destination;
import com.narvark.otp.api.GuardPolicy;
import com.narvark.otp.api.message.MessageOptions;
import com.narvark.otp.api.message.OtpTransaction;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates an OTP; answered with a {@link SendOtpResult}. Every field was validated by the gateway; {@code toCountry}
 * is the phone number's ISO 3166 region (null for email); {@code requestedAt} is the moment it was accepted.
 * {@code message} says how the message reads (brand, language, autofill lines); {@code transaction}, when present,
 * is the payment the code approves.
 */
public record SendOtpCommand(@TargetAggregateIdentifier String otpId, String accountId, boolean livemode,
                             Destination to, String toCountry, Channel channel, List<Channel> fallback,
                             int codeLength, int ttlSeconds, int maxAttempts, String template,
                             Map<String, String> metadata, GuardPolicy guard, Instant requestedAt,
                             MessageOptions message, OtpTransaction transaction) {

    /** A send with the default message (English, unbranded) and no transaction, as internal senders make. */
    public SendOtpCommand(String otpId, String accountId, boolean livemode, Destination to, String toCountry,
                          Channel channel, List<Channel> fallback, int codeLength, int ttlSeconds, int maxAttempts,
                          String template, Map<String, String> metadata, GuardPolicy guard, Instant requestedAt) {
        this(otpId, accountId, livemode, to, toCountry, channel, fallback, codeLength, ttlSeconds, maxAttempts,
                template, metadata, guard, requestedAt, MessageOptions.DEFAULT, null);
    }
}
