package com.narvark.otp.query;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.FailureReason;
import com.narvark.otp.api.event.OtpCancelledEvent;
import com.narvark.otp.api.event.OtpDeliveredEvent;
import com.narvark.otp.api.event.OtpDeliveryFailedEvent;
import com.narvark.otp.api.event.OtpDeliveryUnconfirmedEvent;
import com.narvark.otp.api.event.OtpDispatchedEvent;
import com.narvark.otp.api.event.OtpEvent;
import com.narvark.otp.api.event.OtpExpiredEvent;
import com.narvark.otp.api.event.OtpFailedEvent;
import com.narvark.otp.api.event.OtpGuardTrippedEvent;
import com.narvark.otp.api.event.OtpLockedEvent;
import com.narvark.otp.api.event.OtpReadEvent;
import com.narvark.otp.api.event.OtpRequestedEvent;
import com.narvark.otp.api.event.OtpResentEvent;
import com.narvark.otp.api.event.OtpSendRefusedEvent;
import com.narvark.otp.api.event.OtpVerificationFailedEvent;
import com.narvark.otp.api.event.OtpVerifiedEvent;
import com.narvark.otp.api.message.OtpTransaction;
import com.narvark.otp.api.query.OtpEventView;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The public shape of each stored event, for auditors. Fields are picked one by one (an allow-list), so the code
 * hash, the code's ciphertext and the internal expiry deadline id can never leak, not even from a future event.
 */
final class PublicEventFields {

    private PublicEventFields() {
    }

    static OtpEventView view(String eventId, long sequence, Instant timestamp, OtpEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        String type = describe(event, data);
        return new OtpEventView(eventId, event.otpId(), sequence, type, timestamp, data);
    }

    /** Fills {@code data} with the public fields and answers the public type name. */
    private static String describe(OtpEvent event, Map<String, Object> data) {
        if (event instanceof OtpRequestedEvent e) {
            data.put("livemode", e.livemode());
            data.put("to", e.to().value());
            data.put("channel", e.channel().wireName());
            data.put("fallbacks", e.fallback().stream().map(Channel::wireName).toList());
            data.put("code_length", e.codeLength());
            data.put("max_attempts", e.maxAttempts());
            data.put("template", e.template());
            data.put("metadata", e.metadata());
            data.put("brand", e.message() == null ? null : e.message().brand());
            data.put("locale", e.message() == null ? null : e.message().locale());
            data.put("transaction", transaction(e.transaction()));
            data.put("created_at", e.requestedAt().toString());
            data.put("expires_at", e.expiresAt().toString());
            return "otp.requested";
        } else if (event instanceof OtpDispatchedEvent e) {
            attempt(data, e.channel(), e.attempt());
            data.put("carrier_message_id", e.carrierMessageId());
            data.put("parts", e.partsOrOne());
            data.put("encoding", e.encoding());
            data.put("dispatched_at", e.dispatchedAt().toString());
            return "otp.dispatched";
        } else if (event instanceof OtpDeliveredEvent e) {
            attempt(data, e.channel(), e.attempt());
            data.put("delivered_at", e.deliveredAt().toString());
            return "otp.delivered";
        } else if (event instanceof OtpReadEvent e) {
            attempt(data, e.channel(), e.attempt());
            data.put("read_at", e.readAt().toString());
            return "otp.read";
        } else if (event instanceof OtpDeliveryUnconfirmedEvent e) {
            attempt(data, e.channel(), e.attempt());
            data.put("unconfirmed_at", e.unconfirmedAt().toString());
            return "otp.delivery_unconfirmed";
        } else if (event instanceof OtpDeliveryFailedEvent e) {
            attempt(data, e.channel(), e.attempt());
            failure(data, e.reason(), e.carrierError());
            data.put("failed_at", e.failedAt().toString());
            return "otp.delivery_failed";
        } else if (event instanceof OtpFailedEvent e) {
            failure(data, e.reason(), e.carrierError());
            data.put("failed_at", e.failedAt().toString());
            return "otp.failed";
        } else if (event instanceof OtpVerificationFailedEvent e) {
            data.put("attempts_used", e.attemptsUsed());
            data.put("attempts_remaining", e.attemptsRemaining());
            if (e.reason() != null) {
                data.put("reason", e.reason());
            }
            data.put("attempted_at", e.attemptedAt().toString());
            return "otp.verification_failed";
        } else if (event instanceof OtpLockedEvent e) {
            data.put("locked_at", e.lockedAt().toString());
            return "otp.locked";
        } else if (event instanceof OtpVerifiedEvent e) {
            data.put("attempts_used", e.attemptsUsed());
            data.put("verified_at", e.verifiedAt().toString());
            return "otp.verified";
        } else if (event instanceof OtpExpiredEvent e) {
            data.put("expired_at", e.expiredAt().toString());
            return "otp.expired";
        } else if (event instanceof OtpResentEvent e) {
            data.put("round", e.round());
            data.put("new_code", e.newCode());
            data.put("resent_at", e.resentAt().toString());
            return "otp.resent";
        } else if (event instanceof OtpCancelledEvent e) {
            data.put("cancelled_at", e.cancelledAt().toString());
            return "otp.cancelled";
        } else if (event instanceof OtpSendRefusedEvent e) {
            data.put("livemode", e.livemode());
            data.put("to", e.to().value());
            data.put("channel", e.channel().wireName());
            data.put("code_length", e.codeLength());
            data.put("metadata", e.metadata());
            data.put("reason", e.reason().wireName());
            data.put("refused_at", e.refusedAt().toString());
            return "otp.refused";
        } else if (event instanceof OtpGuardTrippedEvent e) {
            data.put("reason", e.reason().wireName());
            data.put("enforced", e.enforced());
            data.put("tripped_at", e.trippedAt().toString());
            return "otp.guard_tripped";
        }
        throw new IllegalStateException("no public shape for " + event.getClass().getSimpleName());
    }

    /** The public shape of a transaction, as the send took it; null when the code approves none. */
    static Map<String, String> transaction(OtpTransaction transaction) {
        if (transaction == null) {
            return null;
        }
        Map<String, String> shape = new LinkedHashMap<>();
        shape.put("amount", transaction.amount());
        shape.put("currency", transaction.currency());
        shape.put("payee", transaction.payee());
        return shape;
    }

    /**
     * {@code reason} exactly as stored (events from before the failure taxonomy hold a carrier-shaped string), and
     * beside it the taxonomy reason and the carrier's code, which old and new events alike answer.
     */
    private static void failure(Map<String, Object> data, String reason, String carrierError) {
        data.put("reason", reason);
        data.put("failure_reason", FailureReason.ofStored(reason).wireName());
        data.put("carrier_error", FailureReason.carrierErrorOfStored(carrierError, reason));
    }

    private static void attempt(Map<String, Object> data, Channel channel, int attempt) {
        data.put("channel", channel.wireName());
        data.put("attempt", attempt);
    }
}
