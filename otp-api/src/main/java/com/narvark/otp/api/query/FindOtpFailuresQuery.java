package com.narvark.otp.api.query;

import java.time.LocalDate;

/**
 * Failed delivery attempts of the caller's OTPs on the UTC days [from, to] (the day each attempt failed), per
 * channel, destination country and failure reason. Answered with an {@link OtpFailuresView}.
 */
public record FindOtpFailuresQuery(String accountId, boolean livemode, LocalDate from, LocalDate to) {
}
