package com.narvark.otp.api.query;

/**
 * Every stored event of one OTP, in order, straight from the event store; answered with a list of
 * {@link OtpEventView}, empty when the OTP is unknown or belongs to another account or environment.
 */
public record FindOtpEventsQuery(String otpId, String accountId, boolean livemode) {
}
