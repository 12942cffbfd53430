package com.narvark.otp.api.query;

import java.time.LocalDate;

/**
 * Outcome counts and latencies of the caller's OTPs sent on the UTC days [from, to], one bucket per value of
 * {@code groupBy}. Answered with an {@link OtpAnalyticsView}.
 */
public record FindOtpAnalyticsQuery(String accountId, boolean livemode, LocalDate from, LocalDate to,
                                    AnalyticsGrouping groupBy) {
}
