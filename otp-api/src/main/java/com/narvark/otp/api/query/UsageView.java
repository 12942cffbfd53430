package com.narvark.otp.api.query;

import java.util.List;

/** Billable units per channel, ordered by channel; channels without a dispatch are absent. */
public record UsageView(List<UsageLine> lines) {

    /** {@code units}: OTP dispatches on the channel (a fallback dispatch counts on its own channel). */
    public record UsageLine(String channel, long units) {
    }
}
