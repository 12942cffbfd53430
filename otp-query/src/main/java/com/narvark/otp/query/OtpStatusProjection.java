package com.narvark.otp.query;

import com.narvark.otp.api.event.OtpEvent;
import com.narvark.otp.api.query.OtpStatusView;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/** Keeps {@code otp_status} in step with the event store; its rows and its token commit in one transaction. */
@Component
@ProcessingGroup(OtpStatusProjection.PROCESSING_GROUP)
class OtpStatusProjection {

    static final String PROCESSING_GROUP = "otp-status";

    private final OtpStatusRepository repository;

    OtpStatusProjection(OtpStatusRepository repository) {
        this.repository = repository;
    }

    /** The row keeps the event's sequence number: readers fold whatever the store holds beyond it. */
    @EventHandler
    void on(OtpEvent event, @SequenceNumber long sequence) {
        Optional<OtpStatusView> opened = OtpStatusFold.open(event);
        if (opened.isPresent()) {
            repository.save(opened.get(), sequence);
            return;
        }
        // A missing row means the stream and the table disagree: fail so the event is retried or dead-lettered.
        repository.save(OtpStatusFold.apply(repository.find(event.otpId()).orElseThrow(
                () -> new IllegalStateException("no otp_status row for " + event.otpId())), event), sequence);
    }

    @ResetHandler
    void reset() {
        repository.deleteAll();
    }
}
