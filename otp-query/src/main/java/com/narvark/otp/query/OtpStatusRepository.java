package com.narvark.otp.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.narvark.otp.api.Channel;
import com.narvark.otp.api.OtpStatus;
import com.narvark.otp.api.message.MessageOptions;
import com.narvark.otp.api.message.OtpTransaction;
import com.narvark.otp.api.query.OtpDeliveryReport;
import com.narvark.otp.api.query.OtpStatusView;
import com.narvark.otp.api.query.OtpTimeline;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code otp_status} table. Each row remembers the sequence number of the last event folded into it, so a reader
 * can tell how far behind the event store it is.
 */
@Repository
class OtpStatusRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> METADATA = new TypeReference<>() { };

    private final JdbcClient jdbc;

    OtpStatusRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A row and the last event sequence folded into it (null for rows written before sequences were kept). */
    record Projected(OtpStatusView view, Long lastSequence) {
    }

    Optional<OtpStatusView> find(String otpId) {
        return findProjected(otpId).map(Projected::view);
    }

    Optional<Projected> findProjected(String otpId) {
        return jdbc.sql("SELECT * FROM otp_query.otp_status WHERE otp_id = ?").param(otpId)
                .query((rs, row) -> new Projected(map(rs, row), rs.getObject("last_sequence", Long.class)))
                .optional();
    }

    /** Never moves a row back: an event older than the row's last one changes nothing. */
    void save(OtpStatusView v, long sequence) {
        OtpTimeline t = v.timeline();
        OtpDeliveryReport d = v.delivery();
        jdbc.sql("""
                INSERT INTO otp_query.otp_status (otp_id, account_id, livemode, status, to_address, channel, fallback,
                    channels_tried, code_length, attempts_used, attempts_remaining, metadata, created_at, expires_at,
                    dispatched_at, delivered_at, read_at, verified_at, expired_at, failed_at, locked_at, sends,
                    last_sent_at, cancelled_at, unconfirmed_at, last_sequence, brand, locale, transaction,
                    failure_reason, carrier_error, parts, delivery_attempts)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                    ?::jsonb, ?, ?, ?, ?::jsonb)
                ON CONFLICT (otp_id) DO UPDATE SET status = excluded.status, channel = excluded.channel,
                    channels_tried = excluded.channels_tried, attempts_used = excluded.attempts_used,
                    attempts_remaining = excluded.attempts_remaining, dispatched_at = excluded.dispatched_at,
                    delivered_at = excluded.delivered_at, read_at = excluded.read_at,
                    verified_at = excluded.verified_at, expired_at = excluded.expired_at,
                    failed_at = excluded.failed_at, locked_at = excluded.locked_at, sends = excluded.sends,
                    last_sent_at = excluded.last_sent_at, cancelled_at = excluded.cancelled_at,
                    unconfirmed_at = excluded.unconfirmed_at, last_sequence = excluded.last_sequence,
                    failure_reason = excluded.failure_reason, carrier_error = excluded.carrier_error,
                    parts = excluded.parts, delivery_attempts = excluded.delivery_attempts
                WHERE otp_status.last_sequence IS NULL OR otp_status.last_sequence < excluded.last_sequence
                """)
                .params(v.otpId(), v.accountId(), v.livemode(), v.status().wireName(), v.to(),
                        v.channel().wireName(), wireNames(v.fallback()), wireNames(v.channelsTried()),
                        v.codeLength(), v.attemptsUsed(), v.attemptsRemaining(), json(v.metadata()),
                        ts(t.createdAt()), ts(t.expiresAt()), ts(t.dispatchedAt()), ts(t.deliveredAt()),
                        ts(t.readAt()), ts(t.verifiedAt()), ts(t.expiredAt()), ts(t.failedAt()), ts(t.lockedAt()),
                        v.sends(), ts(t.lastSentAt()), ts(t.cancelledAt()), ts(t.unconfirmedAt()), sequence,
                        v.message() == null ? null : v.message().brand(),
                        v.message() == null ? null : v.message().locale(), transactionJson(v.transaction()),
                        d.failureReason(), d.carrierError(), d.parts(), DeliveryAttemptsJson.write(d.attempts()))
                .update();
    }

    void deleteAll() {
        jdbc.sql("DELETE FROM otp_query.otp_status").update();
    }

    /** One {@code otp_status} row as the status view; search maps its pages with it too. */
    static OtpStatusView map(ResultSet rs, int row) throws SQLException {
        return new OtpStatusView(rs.getString("otp_id"), rs.getString("account_id"), rs.getBoolean("livemode"),
                OtpStatus.valueOf(rs.getString("status").toUpperCase()), rs.getString("to_address"),
                channel(rs.getString("channel")), channels(rs.getArray("fallback")),
                channels(rs.getArray("channels_tried")), rs.getInt("code_length"), rs.getInt("attempts_used"),
                rs.getInt("attempts_remaining"), rs.getInt("sends"), metadata(rs.getString("metadata")),
                new OtpTimeline(instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "dispatched_at"),
                        instant(rs, "delivered_at"), instant(rs, "read_at"), instant(rs, "verified_at"),
                        instant(rs, "expired_at"), instant(rs, "failed_at"), instant(rs, "locked_at"),
                        instant(rs, "last_sent_at"), instant(rs, "cancelled_at"), instant(rs, "unconfirmed_at")),
                message(rs), transaction(rs.getString("transaction")),
                new OtpDeliveryReport(rs.getString("failure_reason"), rs.getString("carrier_error"),
                        rs.getInt("parts"), DeliveryAttemptsJson.read(rs.getString("delivery_attempts"))));
    }

    /** Brand and language only: the autofill lines are part of the text sent, not of the OTP's status. */
    private static MessageOptions message(ResultSet rs) throws SQLException {
        String brand = rs.getString("brand");
        String locale = rs.getString("locale");
        return brand == null && locale == null ? null : new MessageOptions(brand, locale, null, null);
    }

    private static String transactionJson(OtpTransaction transaction) {
        try {
            return transaction == null ? null : JSON.writeValueAsString(transaction);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a transaction of three strings always serialises", e);
        }
    }

    private static OtpTransaction transaction(String json) {
        try {
            return json == null ? null : JSON.readValue(json, OtpTransaction.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("otp_status.transaction is not a transaction", e);
        }
    }

    private static Channel channel(String wireName) {
        return Channel.fromWireName(wireName).orElseThrow(() -> new IllegalStateException("channel " + wireName));
    }

    private static List<Channel> channels(Array array) throws SQLException {
        return Arrays.stream((String[]) array.getArray()).map(OtpStatusRepository::channel).toList();
    }

    private static String[] wireNames(List<Channel> channels) {
        return channels.stream().map(Channel::wireName).toArray(String[]::new);
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String json(Map<String, String> metadata) {
        try {
            return JSON.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("metadata is not serialisable", e);
        }
    }

    private static Map<String, String> metadata(String json) {
        try {
            return JSON.readValue(json, METADATA);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("otp_status.metadata is not a JSON object of strings", e);
        }
    }
}
