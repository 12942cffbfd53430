package com.narvark.otp.api.command;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.Destination;
import com.narvark.otp.api.GuardPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates an OTP; answered with a {@link SendOtpResult}. Every field was validated by the gateway; {@code toCountry}
 * is the phone number's ISO 3166 region (null for email); {@code requestedAt} is the moment it was accepted.
 */
public record SendOtpCommand(@TargetAggregateIdentifier String otpId, String accountId, boolean livemode,
                             Destination to, String toCountry, Channel channel, List<Channel> fallback,
                             int codeLength, int ttlSeconds, int maxAttempts, String template,
                             Map<String, String> metadata, GuardPolicy guard, Instant requestedAt) {
}
