package com.narvark.otp.api.event;

import java.time.Instant;

/**
 * No carrier has the code on its way any more: every attempt was refused, never answered, or reported failed by its
 * carrier. A missing receipt alone never leads here (see {@link OtpDeliveryUnconfirmedEvent}). {@code reason} and
 * {@code carrierError} are those of the attempt that failed last (see {@link OtpDeliveryFailedEvent}).
 */
public record OtpFailedEvent(String otpId, String reason, Instant failedAt, String carrierError)
        implements OtpEvent, OtpEndedEvent {

    public OtpFailedEvent(String otpId, String reason, Instant failedAt) {
        this(otpId, reason, failedAt, null);
    }
}
