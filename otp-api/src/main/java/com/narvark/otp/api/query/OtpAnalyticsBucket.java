package com.narvark.otp.api.query;

/**
 * The OTPs of one bucket: how many reached each outcome, and percentiles (milliseconds, null without samples) of
 * the time from send to delivered and from send to verified. {@code unconfirmed} counts OTPs with an accepted message
 * that got no delivery receipt in time; they are not failures.
 */
public record OtpAnalyticsBucket(String key, long sent, long dispatched, long delivered, long read, long unconfirmed,
                                 long verified, long expired, long failed, long locked, long fallbackUsed,
                                 Long deliveredP50Ms, Long deliveredP95Ms, Long verifiedP50Ms, Long verifiedP95Ms) {
}
