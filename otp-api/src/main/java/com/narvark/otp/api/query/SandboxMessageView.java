package com.narvark.otp.api.query;

import com.narvark.otp.api.Channel;
import java.time.Instant;

/** One message as the sandbox carrier received it, text included: this is how a developer reads the code. */
public record SandboxMessageView(String messageId, String otpId, Channel channel, String to, String text,
                                 Instant receivedAt) {
}
