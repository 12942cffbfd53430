package com.narvark.otp.query;

import com.narvark.otp.api.event.OtpEvent;
import com.narvark.otp.api.query.FindOtpEventPageQuery;
import com.narvark.otp.api.query.FindOtpEventsQuery;
import com.narvark.otp.api.query.OtpEventPageView;
import com.narvark.otp.api.query.OtpEventView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The auditor's view: an OTP's events straight from the event store, and an account's events page by page for the
 * NDJSON export. Pages are keyed by the store's global index, so the caller holds one page at a time in memory.
 */
@Component
class OtpEventQueries {

    static final int MAX_PAGE = 1000;

    private final EventStore eventStore;
    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final EventUpcaster upcasters;

    /** The rows are read with SQL, so the upcasters the event store applies are applied here too. */
    OtpEventQueries(EventStore eventStore, JdbcClient jdbc, @Qualifier("eventSerializer") Serializer serializer,
                    ObjectProvider<EventUpcaster> upcasters) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.upcasters = new EventUpcasterChain(upcasters.orderedStream().toList());
    }

    @QueryHandler
    List<OtpEventView> handle(FindOtpEventsQuery query) {
        DomainEventStream stream = eventStore.readEvents(query.otpId());
        List<OtpEventView> events = new ArrayList<>();
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (!(message.getPayload() instanceof OtpEvent event)) {
                continue;
            }
            // The first event names the owner; another account's or environment's OTP is simply not there.
            if (events.isEmpty() && OtpStatusFold.open(event).filter(view -> view.accountId()
                    .equals(query.accountId()) && view.livemode() == query.livemode()).isEmpty()) {
                return List.of();
            }
            events.add(PublicEventFields.view(message.getIdentifier(), message.getSequenceNumber(),
                    message.getTimestamp(), event));
        }
        return events;
    }

    @QueryHandler
    OtpEventPageView handle(FindOtpEventPageQuery query) {
        int limit = Math.min(Math.max(query.limit(), 1), MAX_PAGE);
        // Owners come from otp_status: the store's rows carry no account. Timestamps are Axon's fixed-width
        // ISO-8601 strings, so comparing them as text orders them in time (index domainevententry_timestamp).
        List<Row> rows = jdbc.sql("""
                SELECT d.globalindex, d.type, d.aggregateidentifier, d.eventidentifier, d.sequencenumber,
                    d.payloadtype, d.payloadrevision, d.payload, d.metadata, d.timestamp
                FROM domainevententry d JOIN otp_query.otp_status s ON s.otp_id = d.aggregateidentifier
                WHERE s.account_id = ? AND s.livemode = ? AND d.timestamp >= ? AND d.timestamp < ?
                    AND d.globalindex > ?
                ORDER BY d.globalindex LIMIT ?
                """)
                .params(query.accountId(), query.livemode(), DateTimeUtils.formatInstant(query.from()),
                        DateTimeUtils.formatInstant(query.to()), query.afterPosition(), limit + 1)
                .query(this::row).list();
        boolean hasMore = rows.size() > limit;
        List<Row> page = hasMore ? rows.subList(0, limit) : rows;
        long last = page.isEmpty() ? query.afterPosition() : page.get(page.size() - 1).position();
        return new OtpEventPageView(page.stream().map(Row::view).toList(), last, hasMore);
    }

    private Row row(ResultSet rs, int index) throws SQLException {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(rs.getString("type"),
                rs.getString("aggregateidentifier"), rs.getLong("sequencenumber"), rs.getString("eventidentifier"),
                rs.getString("timestamp"), rs.getString("payloadtype"), rs.getString("payloadrevision"),
                rs.getBytes("payload"), rs.getBytes("metadata"));
        DomainEventMessage<?> message = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(entry),
                serializer, upcasters).next();
        return new Row(rs.getLong("globalindex"), PublicEventFields.view(message.getIdentifier(),
                message.getSequenceNumber(), message.getTimestamp(), (OtpEvent) message.getPayload()));
    }

    private record Row(long position, OtpEventView view) {
    }
}
