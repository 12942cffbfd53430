package com.narvark.otp.api.event;

import java.time.Instant;

/**
 * No carrier has the code on its way any more: every attempt was refused, never answered, or reported failed by its
 * carrier. A missing receipt alone never leads here (see {@link OtpDeliveryUnconfirmedEvent}).
 */
public record OtpFailedEvent(String otpId, String reason, Instant failedAt) implements OtpEvent, OtpEndedEvent {
}
