package com.narvark.otp.query;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.FailureReason;
import com.narvark.otp.api.event.OtpDeliveredEvent;
import com.narvark.otp.api.event.OtpDeliveryFailedEvent;
import com.narvark.otp.api.event.OtpDeliveryUnconfirmedEvent;
import com.narvark.otp.api.event.OtpDispatchedEvent;
import com.narvark.otp.api.event.OtpEvent;
import com.narvark.otp.api.event.OtpFailedEvent;
import com.narvark.otp.api.event.OtpReadEvent;
import com.narvark.otp.api.query.DeliveryAttemptView;
import com.narvark.otp.api.query.OtpDeliveryReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The carrier side of the status fold: each attempt's latest outcome, the parts sent, and why the OTP failed.
 * Reasons stored before the failure taxonomy are read through {@link FailureReason#ofStored}, so old and new OTPs
 * report the same words.
 */
final class DeliveryReportFold {

    private String failureReason;
    private String carrierError;
    private int parts;
    private final List<DeliveryAttemptView> attempts;

    DeliveryReportFold(OtpDeliveryReport report) {
        failureReason = report.failureReason();
        carrierError = report.carrierError();
        parts = report.parts();
        attempts = new ArrayList<>(report.attempts());
    }

    void on(OtpEvent event) {
        if (event instanceof OtpDispatchedEvent e) {
            DeliveryAttemptView was = find(e.attempt());
            // A carrier can repeat an acceptance; its parts are billed once.
            if (was == null || was.parts() == 0) {
                parts += e.partsOrOne();
            }
            put(new DeliveryAttemptView(e.attempt(), e.channel(), was == null || "failed".equals(was.status())
                    ? "dispatched" : was.status(), e.partsOrOne(), e.encoding(), null, null));
        } else if (event instanceof OtpDeliveredEvent e) {
            outcome(e.attempt(), e.channel(), "delivered");
        } else if (event instanceof OtpReadEvent e) {
            outcome(e.attempt(), e.channel(), "read");
        } else if (event instanceof OtpDeliveryUnconfirmedEvent e) {
            outcome(e.attempt(), e.channel(), "unconfirmed");
        } else if (event instanceof OtpDeliveryFailedEvent e) {
            DeliveryAttemptView was = find(e.attempt());
            put(new DeliveryAttemptView(e.attempt(), e.channel(), "failed", was == null ? 0 : was.parts(),
                    was == null ? null : was.encoding(), FailureReason.ofStored(e.reason()).wireName(),
                    FailureReason.carrierErrorOfStored(e.carrierError(), e.reason())));
        } else if (event instanceof OtpFailedEvent e) {
            failureReason = FailureReason.ofStored(e.reason()).wireName();
            carrierError = FailureReason.carrierErrorOfStored(e.carrierError(), e.reason());
        }
    }

    OtpDeliveryReport toReport() {
        attempts.sort(Comparator.comparingInt(DeliveryAttemptView::attempt));
        return new OtpDeliveryReport(failureReason, carrierError, parts, attempts);
    }

    /** Read is the furthest a message gets: a late delivered receipt does not move it back. */
    private void outcome(int attempt, Channel channel, String status) {
        DeliveryAttemptView was = find(attempt);
        if (was != null && "read".equals(was.status())) {
            return;
        }
        if ("unconfirmed".equals(status) && was != null && !"dispatched".equals(was.status())) {
            return;
        }
        put(was == null ? new DeliveryAttemptView(attempt, channel, status, 0, null, null, null)
                : new DeliveryAttemptView(attempt, channel, status, was.parts(), was.encoding(),
                        was.failureReason(), was.carrierError()));
    }

    private DeliveryAttemptView find(int attempt) {
        return attempts.stream().filter(a -> a.attempt() == attempt).findFirst().orElse(null);
    }

    private void put(DeliveryAttemptView view) {
        attempts.removeIf(a -> a.attempt() == view.attempt());
        attempts.add(view);
    }
}
