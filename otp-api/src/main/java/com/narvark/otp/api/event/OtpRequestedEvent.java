package com.narvark.otp.api.event;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.Destination;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An OTP was accepted. The code is present only as a keyed hash (for verification) and as an AES-GCM ciphertext
 * (for delivery); the ciphertext names its key, so keys can rotate. {@code expiryDeadlineId} lets the OTP cancel its
 * expiry deadline once it ended.
 */
public record OtpRequestedEvent(String otpId, String accountId, boolean livemode, Destination to, Channel channel,
                                List<Channel> fallback, int codeLength, int maxAttempts, String template,
                                Map<String, String> metadata, byte[] codeHash, byte[] encryptedCode,
                                Instant requestedAt, Instant expiresAt, String expiryDeadlineId) implements OtpEvent {
}
