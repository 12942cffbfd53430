package com.narvark.otp.api.query;

import java.util.List;

/** Failure buckets, the most failed attempts first. */
public record OtpFailuresView(List<OtpFailureBucket> buckets) {
}
