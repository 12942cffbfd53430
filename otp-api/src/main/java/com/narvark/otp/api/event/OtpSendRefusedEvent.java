package com.narvark.otp.api.event;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.Destination;
import com.narvark.otp.api.GuardReason;
import java.time.Instant;
import java.util.Map;
import org.axonframework.serialization.Revision;

/**
 * A fraud guard refused a send: no code was made and no carrier was called. Kept for auditors and search.
 * Revision 2 added {@code codeLength}, the length the send asked for; revision 1 events are upcast with the default.
 */
@Revision("2")
public record OtpSendRefusedEvent(String otpId, String accountId, boolean livemode, Destination to, Channel channel,
                                  int codeLength, Map<String, String> metadata, GuardReason reason,
                                  Instant refusedAt) implements OtpEvent {
}
