package com.narvark.otp.api.command;

/**
 * A command a customer sends about one of its OTPs (verify, resend, cancel): only the account and environment that
 * sent the OTP may, and anyone else is told the OTP does not exist.
 */
public interface OwnedOtpCommand {

    String otpId();

    String accountId();

    boolean livemode();
}
