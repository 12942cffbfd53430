package com.narvark.otp.query;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.OtpStatus;
import com.narvark.otp.api.event.OtpCancelledEvent;
import com.narvark.otp.api.event.OtpDeliveredEvent;
import com.narvark.otp.api.event.OtpDeliveryFailedEvent;
import com.narvark.otp.api.event.OtpDeliveryUnconfirmedEvent;
import com.narvark.otp.api.event.OtpDispatchedEvent;
import com.narvark.otp.api.event.OtpEvent;
import com.narvark.otp.api.event.OtpExpiredEvent;
import com.narvark.otp.api.event.OtpFailedEvent;
import com.narvark.otp.api.event.OtpLockedEvent;
import com.narvark.otp.api.event.OtpReadEvent;
import com.narvark.otp.api.event.OtpRequestedEvent;
import com.narvark.otp.api.event.OtpResentEvent;
import com.narvark.otp.api.event.OtpSendRefusedEvent;
import com.narvark.otp.api.event.OtpVerificationFailedEvent;
import com.narvark.otp.api.event.OtpVerifiedEvent;
import com.narvark.otp.api.query.OtpDeliveryReport;
import com.narvark.otp.api.query.OtpStatusView;
import com.narvark.otp.api.query.OtpTimeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The status view as a fold over an OTP's events. The projection stores its result; the query side also runs it
 * straight over the event store when the projection has not caught up yet, so both always agree.
 */
final class OtpStatusFold {

    private final OtpStatusView origin;
    private OtpStatus status;
    private Channel channel;
    private final List<Channel> tried;
    private int used;
    private int remaining;
    private int sends;
    private Instant dispatchedAt, deliveredAt, readAt, verifiedAt, expiredAt, failedAt, lockedAt;
    private Instant lastSentAt, cancelledAt, unconfirmedAt;
    private final DeliveryReportFold delivery;

    private OtpStatusFold(OtpStatusView view) {
        origin = view;
        status = view.status();
        channel = view.channel();
        tried = new ArrayList<>(view.channelsTried());
        used = view.attemptsUsed();
        remaining = view.attemptsRemaining();
        sends = view.sends();
        OtpTimeline t = view.timeline();
        dispatchedAt = t.dispatchedAt();
        deliveredAt = t.deliveredAt();
        readAt = t.readAt();
        verifiedAt = t.verifiedAt();
        expiredAt = t.expiredAt();
        failedAt = t.failedAt();
        lockedAt = t.lockedAt();
        lastSentAt = t.lastSentAt();
        cancelledAt = t.cancelledAt();
        unconfirmedAt = t.unconfirmedAt();
        delivery = new DeliveryReportFold(view.delivery());
    }

    static OtpStatusView start(OtpRequestedEvent e) {
        return new OtpStatusView(e.otpId(), e.accountId(), e.livemode(), OtpStatus.PENDING, e.to().value(),
                e.channel(), e.fallback(), List.of(), e.codeLength(), 0, e.maxAttempts(), 1, e.metadata(),
                new OtpTimeline(e.requestedAt(), e.expiresAt(), null, null, null, null, null, null, null,
                        e.requestedAt(), null, null), e.message(), e.transaction(), OtpDeliveryReport.NONE);
    }

    /**
     * A refused send never had a code: it ends as it starts, with nothing sent and nothing to verify. It reports the
     * code length the send asked for, so that every OTP object has one of the lengths a send can ask for.
     */
    static OtpStatusView start(OtpSendRefusedEvent e) {
        return new OtpStatusView(e.otpId(), e.accountId(), e.livemode(), OtpStatus.REFUSED, e.to().value(),
                e.channel(), List.of(), List.of(), e.codeLength(), 0, 0, 0, e.metadata(),
                new OtpTimeline(e.refusedAt(), e.refusedAt(), null, null, null, null, null, null, null, null, null,
                        null));
    }

    /** The first view of an OTP, from the event that opens its stream; empty for any other event. */
    static Optional<OtpStatusView> open(OtpEvent event) {
        if (event instanceof OtpRequestedEvent requested) {
            return Optional.of(start(requested));
        }
        if (event instanceof OtpSendRefusedEvent refused) {
            return Optional.of(start(refused));
        }
        return Optional.empty();
    }

    static OtpStatusView apply(OtpStatusView view, OtpEvent event) {
        OtpStatusFold fold = new OtpStatusFold(view);
        fold.on(event);
        return fold.toView();
    }

    private void on(OtpEvent event) {
        delivery.on(event);
        if (event instanceof OtpDispatchedEvent e) {
            advance(OtpStatus.DISPATCHED);
            channel = e.channel();
            tried(e.channel());
            dispatchedAt = first(dispatchedAt, e.dispatchedAt());
        } else if (event instanceof OtpDeliveredEvent e) {
            advance(OtpStatus.DELIVERED);
            deliveredAt = first(deliveredAt, e.deliveredAt());
        } else if (event instanceof OtpReadEvent e) {
            advance(OtpStatus.READ);
            readAt = first(readAt, e.readAt());
        } else if (event instanceof OtpDeliveryUnconfirmedEvent e) {
            // The status stays where it is (dispatched, usually): the message may well have arrived.
            tried(e.channel());
            unconfirmedAt = first(unconfirmedAt, e.unconfirmedAt());
        } else if (event instanceof OtpDeliveryFailedEvent e) {
            tried(e.channel());
        } else if (event instanceof OtpFailedEvent e) {
            status = OtpStatus.FAILED;
            failedAt = e.failedAt();
        } else if (event instanceof OtpVerificationFailedEvent e) {
            used = e.attemptsUsed();
            remaining = e.attemptsRemaining();
        } else if (event instanceof OtpLockedEvent e) {
            status = OtpStatus.LOCKED;
            remaining = 0;
            lockedAt = e.lockedAt();
        } else if (event instanceof OtpVerifiedEvent e) {
            status = OtpStatus.VERIFIED;
            remaining = Math.max(0, used + remaining - e.attemptsUsed());
            used = e.attemptsUsed();
            verifiedAt = e.verifiedAt();
        } else if (event instanceof OtpExpiredEvent e) {
            status = OtpStatus.EXPIRED;
            expiredAt = e.expiredAt();
        } else if (event instanceof OtpResentEvent e) {
            sends = e.round() + 1;
            lastSentAt = e.resentAt();
        } else if (event instanceof OtpCancelledEvent e) {
            status = OtpStatus.CANCELLED;
            cancelledAt = e.cancelledAt();
        }
    }

    /** Delivery progress only moves forward and never reopens an ended OTP (the aggregate's rule too). */
    private void advance(OtpStatus next) {
        if (!status.isFinal() && next.ordinal() > status.ordinal()) {
            status = next;
        }
    }

    private void tried(Channel attempted) {
        if (!tried.contains(attempted)) {
            tried.add(attempted);
        }
    }

    private static Instant first(Instant existing, Instant candidate) {
        return existing != null ? existing : candidate;
    }

    private OtpStatusView toView() {
        OtpTimeline t = origin.timeline();
        return new OtpStatusView(origin.otpId(), origin.accountId(), origin.livemode(), status, origin.to(), channel,
                origin.fallback(), List.copyOf(tried), origin.codeLength(), used, remaining, sends,
                origin.metadata(), new OtpTimeline(t.createdAt(), t.expiresAt(), dispatchedAt, deliveredAt, readAt,
                        verifiedAt, expiredAt, failedAt, lockedAt, lastSentAt, cancelledAt, unconfirmedAt),
                origin.message(), origin.transaction(), delivery.toReport());
    }
}
