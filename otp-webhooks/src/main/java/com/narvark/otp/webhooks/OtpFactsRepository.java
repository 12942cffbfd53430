package com.narvark.otp.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.narvark.otp.api.event.OtpRequestedEvent;
import com.narvark.otp.api.message.OtpTransaction;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code webhook_otps} table, with the facts of recent OTPs kept in memory: they never change once requested,
 * so the cache needs no invalidation, and each later event of an OTP finds them without a query. The table stays
 * the source of truth for OTPs this node has not seen (another node requested them, a restart, a rebalance of the
 * processor's segments). The webhook processor starts at the head of the stream, so an OTP requested before it first
 * ran has no row: its facts then come from its first event in the store.
 */
@Repository
class OtpFactsRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> METADATA = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final EventStore eventStore;
    /** Bounded by count; an OTP's events come within minutes, after which its entry is only in the way. */
    private final Cache<String, OtpFacts> recent;

    OtpFactsRepository(JdbcClient jdbc, EventStore eventStore,
                       @Value("${narvark.webhooks.otp-facts-cache.max-size:10000}") long maxSize) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
        this.recent = Caffeine.newBuilder().maximumSize(maxSize).expireAfterAccess(Duration.ofMinutes(15)).build();
    }

    /**
     * Cached before the transaction commits, which is safe: the facts are those of a committed event, whatever
     * becomes of this transaction, and a retry writes the same row.
     */
    void save(OtpRequestedEvent event) {
        OtpFacts facts = facts(event);
        recent.put(facts.otpId(), facts);
        jdbc.sql("""
                INSERT INTO otp_webhooks.webhook_otps (otp_id, account_id, livemode, to_address, channel, metadata,
                    brand, locale, transaction)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb) ON CONFLICT (otp_id) DO NOTHING
                """)
                .params(facts.otpId(), facts.accountId(), facts.livemode(), facts.to(), facts.channel(),
                        write(facts.metadata()), facts.brand(), facts.locale(),
                        facts.transaction() == null ? null : write(facts.transaction()))
                .update();
    }

    Optional<OtpFacts> find(String otpId) {
        OtpFacts cached = recent.getIfPresent(otpId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<OtpFacts> found = stored(otpId);
        found.ifPresent(facts -> recent.put(otpId, facts));
        return found;
    }

    private Optional<OtpFacts> stored(String otpId) {
        return jdbc.sql("SELECT * FROM otp_webhooks.webhook_otps WHERE otp_id = ?").param(otpId)
                .query((rs, row) -> new OtpFacts(rs.getString("otp_id"), rs.getString("account_id"),
                        rs.getBoolean("livemode"), rs.getString("to_address"), rs.getString("channel"),
                        read(rs.getString("metadata")), rs.getString("brand"), rs.getString("locale"),
                        rs.getString("transaction") == null ? null : read(rs.getString("transaction"))))
                .optional()
                .or(() -> fromEventStore(otpId));
    }

    private Optional<OtpFacts> fromEventStore(String otpId) {
        DomainEventStream stream = eventStore.readEvents(otpId);
        return stream.hasNext() && stream.next().getPayload() instanceof OtpRequestedEvent requested
                ? Optional.of(facts(requested)) : Optional.empty();
    }

    private static OtpFacts facts(OtpRequestedEvent e) {
        OtpTransaction transaction = e.transaction();
        return new OtpFacts(e.otpId(), e.accountId(), e.livemode(), e.to().value(), e.channel().wireName(),
                e.metadata() == null ? Map.of() : e.metadata(), e.message() == null ? null : e.message().brand(),
                e.message() == null ? null : e.message().locale(), transaction == null ? null
                        : Map.of("amount", transaction.amount(), "currency", transaction.currency(),
                                "payee", transaction.payee()));
    }

    private static String write(Map<String, String> metadata) {
        try {
            return JSON.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("metadata is a map of strings", e);
        }
    }

    private static Map<String, String> read(String json) {
        try {
            return JSON.readValue(json, METADATA);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("webhook_otps holds a JSON value that is not an object of strings", e);
        }
    }
}
