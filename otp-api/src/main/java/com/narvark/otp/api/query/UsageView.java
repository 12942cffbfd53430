package com.narvark.otp.api.query;

import java.util.List;

/** Billable units per channel, ordered by channel; channels without a dispatch are absent. */
public record UsageView(List<UsageLine> lines) {

    /**
     * {@code units}: OTP dispatches on the channel (a fallback dispatch counts on its own channel); {@code parts}:
     * the carrier messages they went out as, which is what carriers bill (a long SMS is several concatenated parts;
     * on other channels parts equal units).
     */
    public record UsageLine(String channel, long units, long parts) {
    }
}
