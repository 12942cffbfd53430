package com.narvark.otp.api.event;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.Destination;
import com.narvark.otp.api.GuardReason;
import java.time.Instant;
import java.util.Map;

/** A fraud guard refused a send: no code was made and no carrier was called. Kept for auditors and search. */
public record OtpSendRefusedEvent(String otpId, String accountId, boolean livemode, Destination to, Channel channel,
                                  Map<String, String> metadata, GuardReason reason, Instant refusedAt)
        implements OtpEvent {
}
