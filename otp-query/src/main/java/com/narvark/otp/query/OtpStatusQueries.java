package com.narvark.otp.query;

import com.narvark.otp.api.event.OtpEvent;
import com.narvark.otp.api.event.OtpRequestedEvent;
import com.narvark.otp.api.query.FindOtpQuery;
import com.narvark.otp.api.query.OtpStatusView;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Answers status queries from {@code otp_status}. An OTP accepted a moment ago may not be projected yet; then the
 * same fold runs over its events in the store, so a client that just sent an OTP can always read it back.
 */
@Component
class OtpStatusQueries {

    private final OtpStatusRepository repository;
    private final EventStore eventStore;

    OtpStatusQueries(OtpStatusRepository repository, EventStore eventStore) {
        this.repository = repository;
        this.eventStore = eventStore;
    }

    @QueryHandler
    Optional<OtpStatusView> handle(FindOtpQuery query) {
        return repository.find(query.otpId()).or(() -> foldFromEventStore(query.otpId()))
                .filter(view -> view.accountId().equals(query.accountId()) && view.livemode() == query.livemode());
    }

    private Optional<OtpStatusView> foldFromEventStore(String otpId) {
        OtpStatusView view = null;
        DomainEventStream stream = eventStore.readEvents(otpId);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getPayload() instanceof OtpRequestedEvent requested) {
                view = OtpStatusFold.start(requested);
            } else if (view != null && message.getPayload() instanceof OtpEvent event) {
                view = OtpStatusFold.apply(view, event);
            }
        }
        return Optional.ofNullable(view);
    }
}
