package com.narvark.otp.api.command;

import com.narvark.otp.api.GuardReason;

/**
 * The answer to a {@link SendOtpCommand}: accepted, or refused by a fraud guard (recorded as an event, never sent).
 * {@code retryAfterSeconds} says when the refusal may lift; 0 when waiting does not help.
 */
public record SendOtpResult(String otpId, GuardReason refusedFor, long retryAfterSeconds) {

    public static SendOtpResult accepted(String otpId) {
        return new SendOtpResult(otpId, null, 0);
    }

    public boolean accepted() {
        return refusedFor == null;
    }
}
