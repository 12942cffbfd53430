package com.narvark.otp.query;

import com.narvark.otp.api.query.FindOtpFailuresQuery;
import com.narvark.otp.api.query.OtpFailureBucket;
import com.narvark.otp.api.query.OtpFailuresView;
import java.sql.Date;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Failed delivery attempts, and the OTPs they failed, per channel, destination country and failure reason. */
@Component
class OtpFailureAnalyticsQueries {

    private final JdbcClient jdbc;

    OtpFailureAnalyticsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    OtpFailuresView handle(FindOtpFailuresQuery query) {
        return new OtpFailuresView(jdbc.sql("""
                SELECT channel, country, failure_reason, count(*) AS failed_attempts,
                    count(*) FILTER (WHERE ended_otp) AS failed_otps
                FROM otp_query.otp_failure_analytics
                WHERE account_id = ? AND livemode = ? AND failed_day BETWEEN ? AND ?
                GROUP BY channel, country, failure_reason
                ORDER BY failed_attempts DESC, channel, country NULLS LAST, failure_reason
                """)
                .params(query.accountId(), query.livemode(), Date.valueOf(query.from()), Date.valueOf(query.to()))
                .query((rs, row) -> new OtpFailureBucket(rs.getString("channel"), rs.getString("country"),
                        rs.getString("failure_reason"), rs.getLong("failed_attempts"), rs.getLong("failed_otps")))
                .list());
    }
}
