package com.narvark.otp.api.query;

/**
 * The status of one OTP, as seen by its owner: another account's or environment's OTP is not found. With
 * {@code fromEventStore} the answer is folded from the OTP's events rather than read from the projection, so it
 * reflects a command that has just been handled.
 */
public record FindOtpQuery(String otpId, String accountId, boolean livemode, boolean fromEventStore) {

    public FindOtpQuery(String otpId, String accountId, boolean livemode) {
        this(otpId, accountId, livemode, false);
    }
}
