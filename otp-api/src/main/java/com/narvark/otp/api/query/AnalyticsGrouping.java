package com.narvark.otp.api.query;

/** The dimension analytics buckets are keyed by: the requested channel, the destination country or the UTC day. */
public enum AnalyticsGrouping {
    CHANNEL, COUNTRY, DAY
}
