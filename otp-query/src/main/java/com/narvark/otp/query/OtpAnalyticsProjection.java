package com.narvark.otp.query;

import com.narvark.otp.api.event.OtpDeliveredEvent;
import com.narvark.otp.api.event.OtpDeliveryFailedEvent;
import com.narvark.otp.api.event.OtpDeliveryUnconfirmedEvent;
import com.narvark.otp.api.event.OtpDispatchedEvent;
import com.narvark.otp.api.event.OtpExpiredEvent;
import com.narvark.otp.api.event.OtpFailedEvent;
import com.narvark.otp.api.event.OtpLockedEvent;
import com.narvark.otp.api.event.OtpReadEvent;
import com.narvark.otp.api.event.OtpRequestedEvent;
import com.narvark.otp.api.event.OtpVerifiedEvent;
import com.narvark.otp.query.OtpAnalyticsRepository.Outcome;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code otp_analytics} (one row per OTP: its day, channel, country and outcome times) in step with the event
 * store. Counts and percentiles are computed from these rows at read time, so percentiles are exact over any
 * window instead of being averaged from daily ones. Replay-safe: a reset empties the table.
 */
@Component
@ProcessingGroup(OtpAnalyticsProjection.PROCESSING_GROUP)
class OtpAnalyticsProjection {

    static final String PROCESSING_GROUP = "otp-analytics";

    private final OtpAnalyticsRepository repository;

    OtpAnalyticsProjection(OtpAnalyticsRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void on(OtpRequestedEvent e) {
        repository.insert(e);
    }

    @EventHandler
    void on(OtpDispatchedEvent e) {
        repository.record(e.otpId(), Outcome.DISPATCHED_AT, e.dispatchedAt(), e.attempt());
    }

    @EventHandler
    void on(OtpDeliveredEvent e) {
        repository.record(e.otpId(), Outcome.DELIVERED_AT, e.deliveredAt(), e.attempt());
    }

    @EventHandler
    void on(OtpReadEvent e) {
        repository.record(e.otpId(), Outcome.READ_AT, e.readAt(), e.attempt());
    }

    /** Counted apart from failures: the message may have arrived, and the OTP goes on. */
    @EventHandler
    void on(OtpDeliveryUnconfirmedEvent e) {
        repository.record(e.otpId(), Outcome.UNCONFIRMED_AT, e.unconfirmedAt(), e.attempt());
    }

    @EventHandler
    void on(OtpDeliveryFailedEvent e) {
        repository.markFallbackTried(e.otpId(), e.attempt());
    }

    @EventHandler
    void on(OtpFailedEvent e) {
        repository.record(e.otpId(), Outcome.FAILED_AT, e.failedAt(), 0);
    }

    @EventHandler
    void on(OtpLockedEvent e) {
        repository.record(e.otpId(), Outcome.LOCKED_AT, e.lockedAt(), 0);
    }

    @EventHandler
    void on(OtpVerifiedEvent e) {
        repository.record(e.otpId(), Outcome.VERIFIED_AT, e.verifiedAt(), 0);
    }

    @EventHandler
    void on(OtpExpiredEvent e) {
        repository.record(e.otpId(), Outcome.EXPIRED_AT, e.expiredAt(), 0);
    }

    @ResetHandler
    void reset() {
        repository.deleteAll();
    }
}
