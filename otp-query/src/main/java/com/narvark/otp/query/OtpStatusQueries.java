package com.narvark.otp.query;

import com.narvark.otp.api.event.OtpEvent;
import com.narvark.otp.api.query.FindOtpQuery;
import com.narvark.otp.api.query.OtpStatusView;
import com.narvark.otp.query.OtpStatusRepository.Projected;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Answers status queries read-your-writes: the {@code otp_status} row, plus whatever the event store already holds
 * beyond the row's last event, folded the way the projection will fold it. So a status read right after a command
 * answered (a verify, a resend) shows that command's effect even while the projection is a few events behind, and an
 * OTP not projected yet is folded from its events alone. Costs one indexed read of the OTP's stream tail per query.
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
        Optional<Projected> row = query.fromEventStore() ? Optional.empty() : repository.findProjected(query.otpId());
        Optional<OtpStatusView> view = row.isPresent() ? withTail(row.get())
                : fold(null, eventStore.readEvents(query.otpId()));
        return view.filter(v -> v.accountId().equals(query.accountId()) && v.livemode() == query.livemode());
    }

    /** A row written before sequences were kept has none: its whole stream is folded instead. */
    private Optional<OtpStatusView> withTail(Projected row) {
        if (row.lastSequence() == null) {
            return fold(null, eventStore.readEvents(row.view().otpId()));
        }
        return fold(row.view(), eventStore.readEvents(row.view().otpId(), row.lastSequence() + 1));
    }

    private static Optional<OtpStatusView> fold(OtpStatusView start, DomainEventStream stream) {
        OtpStatusView view = start;
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getPayload() instanceof OtpEvent event) {
                view = view == null ? OtpStatusFold.open(event).orElse(null) : OtpStatusFold.apply(view, event);
            }
        }
        return Optional.ofNullable(view);
    }
}
