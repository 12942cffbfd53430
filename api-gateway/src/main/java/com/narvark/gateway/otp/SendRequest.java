package com.narvark.gateway.otp;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.Destination;
import com.narvark.otp.api.message.OtpTransaction;
import java.util.List;
import java.util.Map;

/**
 * A validated {@code POST /v1/otp/send} body; {@code maxAttempts} null means the configured default. Of the message
 * fields, {@code brand} null means the account's display name and {@code locale} (already the nearest supported tag)
 * null means the destination's or account's language; {@code transaction} null means the code approves none.
 */
record SendRequest(Destination to, Channel channel, List<Channel> fallback, int ttlSeconds, int codeLength,
                   String template, Map<String, String> metadata, Integer maxAttempts,
                   MessageRequestParser.MessageFields message, OtpTransaction transaction) {
}
