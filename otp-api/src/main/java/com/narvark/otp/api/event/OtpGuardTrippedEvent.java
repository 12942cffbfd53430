package com.narvark.otp.api.event;

import com.narvark.otp.api.GuardReason;
import java.time.Instant;

/**
 * A fraud guard tripped on this OTP's send or verification. {@code enforced} is false when the account runs its
 * guards in monitor-only mode: then it records what enforcement would have blocked, and the OTP went ahead.
 */
public record OtpGuardTrippedEvent(String otpId, GuardReason reason, boolean enforced, Instant trippedAt)
        implements OtpEvent {
}
