package com.narvark.otp.api.event;

import com.narvark.otp.api.Channel;
import java.time.Instant;

/**
 * A carrier accepted delivery attempt {@code attempt} (0 = primary channel, 1.. = fallbacks). {@code parts} is how
 * many carrier messages the attempt went out as (a long SMS is several concatenated parts, each billed) and
 * {@code encoding} the SMS alphabet ({@code gsm7} or {@code ucs2}; null on other channels). Both came later: events
 * stored before them read as null, which means one part of an unknown alphabet.
 */
public record OtpDispatchedEvent(String otpId, Channel channel, int attempt, String carrierMessageId,
                                 Instant dispatchedAt, Integer parts, String encoding) implements OtpEvent {

    public OtpDispatchedEvent(String otpId, Channel channel, int attempt, String carrierMessageId,
                              Instant dispatchedAt) {
        this(otpId, channel, attempt, carrierMessageId, dispatchedAt, null, null);
    }

    /** The parts to count: events from before the field was recorded were single messages. */
    public int partsOrOne() {
        return parts == null ? 1 : parts;
    }
}
