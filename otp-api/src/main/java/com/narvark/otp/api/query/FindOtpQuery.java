package com.narvark.otp.api.query;

/** The status of one OTP, as seen by its owner: another account's or environment's OTP is not found. */
public record FindOtpQuery(String otpId, String accountId, boolean livemode) {
}
