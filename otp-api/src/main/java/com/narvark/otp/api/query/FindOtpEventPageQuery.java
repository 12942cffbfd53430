package com.narvark.otp.api.query;

import java.time.Instant;

/**
 * One page of an account's events stored in [from, to), in store order, after the global position
 * {@code afterPosition} (0 for the first page). Answered with an {@link OtpEventPageView}; callers loop to export.
 */
public record FindOtpEventPageQuery(String accountId, boolean livemode, Instant from, Instant to,
                                    long afterPosition, int limit) {
}
