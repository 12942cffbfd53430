package com.narvark.otp.query;

import com.narvark.otp.api.event.OtpDispatchedEvent;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code usage_otps} and {@code usage_dispatches} tables; every write is idempotent. */
@Repository
class OtpUsageRepository {

    private final JdbcClient jdbc;

    OtpUsageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void rememberAccount(String otpId, String accountId) {
        jdbc.sql("INSERT INTO otp_query.usage_otps (otp_id, account_id) VALUES (?, ?) ON CONFLICT (otp_id) DO NOTHING")
                .params(otpId, accountId).update();
    }

    Optional<String> accountOf(String otpId) {
        return jdbc.sql("SELECT account_id FROM otp_query.usage_otps WHERE otp_id = ?").param(otpId).query(String.class)
                .optional();
    }

    void recordDispatch(OtpDispatchedEvent e, long sequence, String accountId) {
        jdbc.sql("""
                INSERT INTO otp_query.usage_dispatches
                    (otp_id, event_sequence, account_id, channel, attempt, usage_month, dispatched_at, parts)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (otp_id, event_sequence) DO NOTHING
                """)
                .params(e.otpId(), sequence, accountId, e.channel().wireName(), e.attempt(),
                        Date.valueOf(e.dispatchedAt().atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1)),
                        Timestamp.from(e.dispatchedAt()), e.partsOrOne())
                .update();
    }

    void deleteAll() {
        jdbc.sql("DELETE FROM otp_query.usage_dispatches").update();
        jdbc.sql("DELETE FROM otp_query.usage_otps").update();
    }
}
