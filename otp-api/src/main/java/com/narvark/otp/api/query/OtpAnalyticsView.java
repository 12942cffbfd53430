package com.narvark.otp.api.query;

import java.util.List;

/** Analytics buckets, ordered by key (email destinations have no country: their key is null). */
public record OtpAnalyticsView(List<OtpAnalyticsBucket> buckets) {
}
