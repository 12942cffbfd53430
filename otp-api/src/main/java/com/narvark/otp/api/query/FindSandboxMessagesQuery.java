package com.narvark.otp.api.query;

/** What the sandbox carrier received for one OTP of the caller's account (live environment only). */
public record FindSandboxMessagesQuery(String otpId, String accountId) {
}
