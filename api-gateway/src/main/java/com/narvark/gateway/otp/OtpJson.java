package com.narvark.gateway.otp;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.message.OtpTransaction;
import com.narvark.otp.api.query.OtpStatusView;
import com.narvark.otp.api.query.OtpTimeline;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The public OTP object (send answer and status). {@code fallback} is the first fallback channel, as in the
 * original contract; {@code fallbacks} is the whole ordered list. {@code brand} and {@code locale} are what the
 * message gave and was written in (null for an OTP refused before any message, or requested before they existed);
 * {@code transaction} is what the code approves, or null. {@code failureReason} and {@code carrierError} say
 * why a failed OTP failed; {@code parts} counts the carrier messages sent (a long SMS is several);
 * {@code deliveryAttempts} is each attempt's carrier outcome.
 */
record OtpJson(String id, String object, String status, String to, String channel, String fallback,
               List<String> fallbacks, List<String> channelsTried, int codeLength, int attemptsUsed,
               int attemptsRemaining, int sends, boolean livemode, Map<String, String> metadata,
               Instant createdAt, Instant expiresAt, Instant lastSentAt, Instant dispatchedAt, Instant deliveredAt,
               Instant unconfirmedAt, Instant readAt, Instant verifiedAt, Instant expiredAt, Instant failedAt,
               Instant lockedAt, Instant cancelledAt, String brand, String locale, TransactionJson transaction,
               String failureReason, String carrierError, int parts, List<DeliveryAttemptJson> deliveryAttempts) {

    static OtpJson of(OtpStatusView v) {
        OtpTimeline t = v.timeline();
        List<String> fallbacks = names(v.fallback());
        return new OtpJson(v.otpId(), "otp", v.status().wireName(), v.to(), v.channel().wireName(),
                fallbacks.isEmpty() ? null : fallbacks.get(0), fallbacks, names(v.channelsTried()), v.codeLength(),
                v.attemptsUsed(), v.attemptsRemaining(), v.sends(), v.livemode(), v.metadata(), t.createdAt(),
                t.expiresAt(), t.lastSentAt(), t.dispatchedAt(), t.deliveredAt(), t.unconfirmedAt(), t.readAt(),
                t.verifiedAt(), t.expiredAt(), t.failedAt(), t.lockedAt(), t.cancelledAt(),
                v.message() == null ? null : v.message().brand(), v.message() == null ? null : v.message().locale(),
                TransactionJson.of(v.transaction()),
                v.delivery().failureReason(), v.delivery().carrierError(), v.delivery().parts(),
                v.delivery().attempts().stream().map(DeliveryAttemptJson::of).toList());
    }

    record TransactionJson(String amount, String currency, String payee) {

        static TransactionJson of(OtpTransaction transaction) {
            return transaction == null ? null
                    : new TransactionJson(transaction.amount(), transaction.currency(), transaction.payee());
        }
    }

    private static List<String> names(List<Channel> channels) {
        return channels.stream().map(Channel::wireName).toList();
    }
}
