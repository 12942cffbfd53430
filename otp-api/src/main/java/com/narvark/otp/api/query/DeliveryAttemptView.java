package com.narvark.otp.api.query;

import com.narvark.otp.api.Channel;

/**
 * One delivery attempt (0 = the primary channel of the first send): its latest carrier outcome
 * ({@code dispatched}, {@code delivered}, {@code read}, {@code unconfirmed} or {@code failed}), the carrier messages
 * it went out as and their SMS alphabet ({@code gsm7}/{@code ucs2}, null elsewhere), and for a failed attempt the
 * failure reason and the carrier's code. Attempts refused before dispatch have no parts (0).
 */
public record DeliveryAttemptView(int attempt, Channel channel, String status, int parts, String encoding,
                                  String failureReason, String carrierError) {
}
