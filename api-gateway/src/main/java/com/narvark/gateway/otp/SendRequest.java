package com.narvark.gateway.otp;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.Destination;
import java.util.List;
import java.util.Map;

/** A validated {@code POST /v1/otp/send} body; {@code maxAttempts} null means the configured default. */
record SendRequest(Destination to, Channel channel, List<Channel> fallback, int ttlSeconds, int codeLength,
                   String template, Map<String, String> metadata, Integer maxAttempts) {
}
