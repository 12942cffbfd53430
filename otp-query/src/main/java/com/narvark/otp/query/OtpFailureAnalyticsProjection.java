package com.narvark.otp.query;

import com.narvark.otp.api.FailureReason;
import com.narvark.otp.api.event.OtpDeliveryFailedEvent;
import com.narvark.otp.api.event.OtpFailedEvent;
import java.sql.Date;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code otp_failure_analytics} (one row per failed delivery attempt) in step with the event store. It shares
 * the {@code otp-analytics} processing group, so the OTP's {@code otp_analytics} row (account, country) is always
 * written before its failures, and a rebuild of the analytics rebuilds this table too. Idempotent: a replayed event
 * finds its row already there.
 */
@Component
@ProcessingGroup(OtpAnalyticsProjection.PROCESSING_GROUP)
class OtpFailureAnalyticsProjection {

    private final JdbcClient jdbc;

    OtpFailureAnalyticsProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(OtpDeliveryFailedEvent e) {
        int inserted = jdbc.sql("""
                INSERT INTO otp_query.otp_failure_analytics (otp_id, attempt, account_id, livemode, failed_day, channel,
                    country, failure_reason)
                SELECT otp_id, ?, account_id, livemode, ?, ?, country, ? FROM otp_query.otp_analytics WHERE otp_id = ?
                ON CONFLICT (otp_id, attempt) DO NOTHING
                """)
                .params(e.attempt(), Date.valueOf(e.failedAt().atZone(ZoneOffset.UTC).toLocalDate()),
                        e.channel().wireName(), FailureReason.ofStored(e.reason()).wireName(), e.otpId())
                .update();
        if (inserted == 0 && !exists(e.otpId(), e.attempt())) {
            // The stream and the tables disagree: fail so the event is retried or dead-lettered.
            throw new IllegalStateException("no otp_analytics row for " + e.otpId());
        }
    }

    /** The OTP failed with the failure of its latest failed attempt. */
    @EventHandler
    void on(OtpFailedEvent e) {
        jdbc.sql("""
                UPDATE otp_query.otp_failure_analytics SET ended_otp = TRUE WHERE otp_id = ? AND attempt =
                    (SELECT max(attempt) FROM otp_query.otp_failure_analytics WHERE otp_id = ?)
                """)
                .params(e.otpId(), e.otpId()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM otp_query.otp_failure_analytics").update();
    }

    private boolean exists(String otpId, int attempt) {
        return jdbc.sql("SELECT count(*) FROM otp_query.otp_failure_analytics WHERE otp_id = ? AND attempt = ?")
                .params(otpId, attempt).query(Integer.class).single() > 0;
    }
}
