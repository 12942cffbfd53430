package com.narvark.otp.query;

import com.narvark.otp.api.event.OtpEvent;
import com.narvark.otp.api.query.OtpStatusView;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Keeps {@code otp_status} in step with the event store; its rows and its token commit in one transaction. */
@Component
@ProcessingGroup(OtpStatusProjection.PROCESSING_GROUP)
class OtpStatusProjection {

    static final String PROCESSING_GROUP = "otp-status";

    private final OtpStatusRepository repository;
    /** Saves reading back the row this node just wrote: one statement per event instead of two. */
    private final RecentStatuses recent;

    OtpStatusProjection(OtpStatusRepository repository,
                        @Value("${narvark.read-side.status-cache-size:10000}") int cacheSize) {
        this.repository = repository;
        this.recent = new RecentStatuses(cacheSize);
    }

    /** The row keeps the event's sequence number: readers fold whatever the store holds beyond it. */
    @EventHandler
    void on(OtpEvent event, @SequenceNumber long sequence) {
        Optional<OtpStatusView> opened = OtpStatusFold.open(event);
        OtpStatusView view = opened.isPresent() ? opened.get() : OtpStatusFold.apply(current(event, sequence), event);
        repository.save(view, sequence);
        if (view.status().isFinal()) {
            recent.forget(view.otpId()); // nothing much follows an end; keep the room for OTPs still moving
        } else {
            recent.remember(view, sequence);
        }
    }

    private OtpStatusView current(OtpEvent event, long sequence) {
        // A missing row means the stream and the table disagree: fail so the event is retried or dead-lettered.
        return recent.before(event.otpId(), sequence).or(() -> repository.find(event.otpId())).orElseThrow(
                () -> new IllegalStateException("no otp_status row for " + event.otpId()));
    }

    @ResetHandler
    void reset() {
        recent.clear();
        repository.deleteAll();
    }
}
