package com.narvark.otp.api.query;

import java.time.Instant;
import java.util.Map;

/**
 * One stored event in its public shape: {@code type} such as {@code otp.dispatched}, the store's timestamp, and
 * {@code data}, the event's public fields (snake_case keys; never the code hash or the code's ciphertext).
 */
public record OtpEventView(String eventId, String otpId, long sequence, String type, Instant timestamp,
                           Map<String, Object> data) {
}
