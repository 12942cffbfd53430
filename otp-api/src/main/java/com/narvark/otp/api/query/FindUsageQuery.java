package com.narvark.otp.api.query;

import java.time.YearMonth;

/** Billable units of one account and environment in one UTC month, per channel. Answered with a {@link UsageView}. */
public record FindUsageQuery(String accountId, boolean livemode, YearMonth month) {
}
