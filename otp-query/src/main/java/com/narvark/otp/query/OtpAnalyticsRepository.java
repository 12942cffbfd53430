package com.narvark.otp.query;

import com.narvark.otp.api.event.OtpRequestedEvent;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code otp_analytics} table: one row per OTP with the first time it reached each outcome. Every write is
 * idempotent (insert-if-absent, first-time-wins), so an event handled twice changes nothing.
 */
@Repository
class OtpAnalyticsRepository {

    /** The outcome columns; names come only from here, never from input. */
    enum Outcome { DISPATCHED_AT, DELIVERED_AT, READ_AT, UNCONFIRMED_AT, VERIFIED_AT, EXPIRED_AT, FAILED_AT, LOCKED_AT }

    private final JdbcClient jdbc;

    OtpAnalyticsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(OtpRequestedEvent e) {
        jdbc.sql("""
                INSERT INTO otp_query.otp_analytics (otp_id, account_id, livemode, sent_day, channel, country, sent_at,
                    channel_count)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (otp_id) DO NOTHING
                """)
                .params(e.otpId(), e.accountId(), e.livemode(),
                        Date.valueOf(e.requestedAt().atZone(ZoneOffset.UTC).toLocalDate()), e.channel().wireName(),
                        DestinationCountry.of(e.to()), Timestamp.from(e.requestedAt()), 1 + e.fallback().size())
                .update();
    }

    /**
     * Records the first time the OTP reached {@code outcome}. The attempt's place in its send round (attempt mod the
     * number of channels) above 0 means a fallback was tried.
     */
    void record(String otpId, Outcome outcome, Instant at, int attempt) {
        String column = outcome.name().toLowerCase();
        int updated = jdbc.sql("UPDATE otp_query.otp_analytics SET " + column + " = COALESCE(" + column + ", ?), "
                        + "fallback_used = fallback_used OR ? % channel_count > 0 WHERE otp_id = ?")
                .params(Timestamp.from(at), attempt, otpId).update();
        if (updated == 0) {
            // The stream and the table disagree: fail so the event is retried or dead-lettered.
            throw new IllegalStateException("no otp_analytics row for " + otpId);
        }
    }

    /** A failed attempt is no outcome, but a failed fallback attempt still means a fallback was used. */
    void markFallbackTried(String otpId, int attempt) {
        jdbc.sql("UPDATE otp_query.otp_analytics SET fallback_used = fallback_used OR ? % channel_count > 0 "
                        + "WHERE otp_id = ?")
                .params(attempt, otpId).update();
    }

    void deleteAll() {
        jdbc.sql("DELETE FROM otp_query.otp_analytics").update();
    }
}
