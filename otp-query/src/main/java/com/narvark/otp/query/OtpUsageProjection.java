package com.narvark.otp.query;

import com.narvark.otp.api.event.OtpDispatchedEvent;
import com.narvark.otp.api.event.OtpRequestedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Usage metering: every dispatch of a live OTP is one billable unit on the dispatched channel (a fallback is a second
 * unit, on its own channel), sent as one or more parts (a long SMS is several); the test environment never counts. Rows and token commit together, and a reset empties
 * the tables, so the numbers can be rebuilt from the event store and audited dispatch by dispatch.
 */
@Component
@ProcessingGroup(OtpUsageProjection.PROCESSING_GROUP)
class OtpUsageProjection {

    static final String PROCESSING_GROUP = "otp-usage";

    private final OtpUsageRepository repository;

    OtpUsageProjection(OtpUsageRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void on(OtpRequestedEvent e) {
        if (e.livemode()) {
            repository.rememberAccount(e.otpId(), e.accountId());
        }
    }

    /** Events of one OTP arrive in order on one segment, so its account is known here unless it is a test OTP. */
    @EventHandler
    void on(OtpDispatchedEvent e, @SequenceNumber long sequence) {
        repository.accountOf(e.otpId()).ifPresent(account ->
                repository.recordDispatch(e, sequence, account));
    }

    @ResetHandler
    void reset() {
        repository.deleteAll();
    }
}
