package com.narvark.otp.webhooks;

import java.util.Map;

/** What every payload of one OTP says about it, taken from its {@code OtpRequestedEvent}. */
record OtpFacts(String otpId, String accountId, boolean livemode, String to, String channel,
                Map<String, String> metadata) {
}
