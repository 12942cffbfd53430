package com.narvark.otp.api.query;

import java.time.Instant;

/**
 * Every lifecycle timestamp of an OTP; null where the step has not happened. {@code lastSentAt} is the latest send
 * (the first one or a resend); delivery times are the first of their kind. {@code unconfirmedAt} is when an accepted
 * message first went without a delivery receipt past its channel's receipt timeout (the code still verifies).
 */
public record OtpTimeline(Instant createdAt, Instant expiresAt, Instant dispatchedAt, Instant deliveredAt,
                          Instant readAt, Instant verifiedAt, Instant expiredAt, Instant failedAt, Instant lockedAt,
                          Instant lastSentAt, Instant cancelledAt, Instant unconfirmedAt) {
}
