package com.narvark.otp.api.query;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.OtpStatus;
import java.time.Instant;
import java.util.Map;

/**
 * One page of the caller's OTPs, newest first. Null filters match everything; {@code startingAfter} is the id of
 * the last OTP of the previous page (it must belong to the caller). Answered with an {@link OtpSearchView}.
 */
public record FindOtpsQuery(String accountId, boolean livemode, OtpStatus status, Channel channel, String to,
                            Instant createdAfter, Instant createdBefore, Map<String, String> metadata,
                            String startingAfter, int limit) {
}
