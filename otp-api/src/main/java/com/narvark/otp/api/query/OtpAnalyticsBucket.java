package com.narvark.otp.api.query;

/**
 * The OTPs of one bucket: how many reached each outcome, and percentiles (milliseconds, null without samples) of
 * the time from send to delivered and from send to verified.
 */
public record OtpAnalyticsBucket(String key, long sent, long dispatched, long delivered, long read, long verified,
                                 long expired, long failed, long locked, long fallbackUsed,
                                 Long deliveredP50Ms, Long deliveredP95Ms, Long verifiedP50Ms, Long verifiedP95Ms) {
}
