package com.narvark.otp.api.query;

import java.time.Instant;

/** Every lifecycle timestamp of an OTP; null where the step has not happened. */
public record OtpTimeline(Instant createdAt, Instant expiresAt, Instant dispatchedAt, Instant deliveredAt,
                         Instant readAt, Instant verifiedAt, Instant expiredAt, Instant failedAt, Instant lockedAt) {
}
