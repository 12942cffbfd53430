package com.narvark.gateway.analytics;

import com.narvark.otp.api.query.OtpAnalyticsBucket;

/** One analytics bucket; {@code conversion} is verified / sent, rounded to 4 decimals (null with nothing sent). */
record BucketJson(String key, long sent, long dispatched, long delivered, long read, long unconfirmed, long verified,
                  long expired, long failed, long locked, long fallbackUsed, Double conversion, Latency sendToDelivered,
                  Latency sendToVerified) {

    static BucketJson of(OtpAnalyticsBucket b) {
        Double conversion = b.sent() == 0 ? null : Math.round(10_000.0 * b.verified() / b.sent()) / 10_000.0;
        return new BucketJson(b.key(), b.sent(), b.dispatched(), b.delivered(), b.read(), b.unconfirmed(), b.verified(),
                b.expired(), b.failed(), b.locked(), b.fallbackUsed(), conversion,
                new Latency(b.deliveredP50Ms(), b.deliveredP95Ms()), new Latency(b.verifiedP50Ms(), b.verifiedP95Ms()));
    }

    /** Milliseconds; null when no OTP of the bucket reached that step. */
    record Latency(Long p50Ms, Long p95Ms) {
    }
}
