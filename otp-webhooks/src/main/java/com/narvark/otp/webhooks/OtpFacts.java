package com.narvark.otp.webhooks;

import java.util.Map;

/**
 * What every payload of one OTP says about it, taken from its {@code OtpRequestedEvent}. {@code brand} and
 * {@code locale} are null for OTPs requested before messages had them; {@code transaction} (amount, currency,
 * payee) is null when the code approves none.
 */
record OtpFacts(String otpId, String accountId, boolean livemode, String to, String channel,
                Map<String, String> metadata, String brand, String locale, Map<String, String> transaction) {
}
