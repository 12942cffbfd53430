package com.narvark.otp.query;

import com.narvark.otp.api.event.OtpEvent;
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
        Optional<OtpStatusView> view = query.fromEventStore() ? foldFromEventStore(query.otpId())
                : repository.find(query.otpId()).or(() -> foldFromEventStore(query.otpId()));
        return view
                .filter(v -> v.accountId().equals(query.accountId()) && v.livemode() == query.livemode());
    }

    private Optional<OtpStatusView> foldFromEventStore(String otpId) {
        OtpStatusView view = null;
        DomainEventStream stream = eventStore.readEvents(otpId);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getPayload() instanceof OtpEvent event) {
                view = view == null ? OtpStatusFold.open(event).orElse(null) : OtpStatusFold.apply(view, event);
            }
        }
        return Optional.ofNullable(view);
    }
}
