package com.narvark.otp.query;

import com.narvark.otp.api.query.AnalyticsGrouping;
import com.narvark.otp.api.query.FindOtpAnalyticsQuery;
import com.narvark.otp.api.query.OtpAnalyticsBucket;
import com.narvark.otp.api.query.OtpAnalyticsView;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Analytics over {@code otp_analytics}: counts and exact percentiles (percentile_cont over the per-OTP timings of
 * the whole window, never an average of daily percentiles).
 */
@Component
class OtpAnalyticsQueries {

    private final JdbcClient jdbc;

    OtpAnalyticsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    OtpAnalyticsView handle(FindOtpAnalyticsQuery query) {
        String key = keyColumn(query.groupBy());
        return new OtpAnalyticsView(jdbc.sql("SELECT " + key + " AS bucket, " + """
                    count(*) AS sent, count(dispatched_at) AS dispatched, count(delivered_at) AS delivered,
                    count(read_at) AS read, count(unconfirmed_at) AS unconfirmed,
                    count(verified_at) AS verified, count(expired_at) AS expired,
                    count(failed_at) AS failed, count(locked_at) AS locked,
                    count(*) FILTER (WHERE fallback_used) AS fallback_used,
                    percentile_cont(0.5) WITHIN GROUP (ORDER BY delivered_ms) AS delivered_p50,
                    percentile_cont(0.95) WITHIN GROUP (ORDER BY delivered_ms) AS delivered_p95,
                    percentile_cont(0.5) WITHIN GROUP (ORDER BY verified_ms) AS verified_p50,
                    percentile_cont(0.95) WITHIN GROUP (ORDER BY verified_ms) AS verified_p95
                FROM otp_query.otp_analytics
                WHERE account_id = ? AND livemode = ? AND sent_day BETWEEN ? AND ?
                GROUP BY 1 ORDER BY 1 NULLS LAST
                """)
                .params(query.accountId(), query.livemode(), Date.valueOf(query.from()), Date.valueOf(query.to()))
                .query(OtpAnalyticsQueries::bucket).list());
    }

    private static String keyColumn(AnalyticsGrouping grouping) {
        return switch (grouping) {
            case CHANNEL -> "channel";
            case COUNTRY -> "country";
            case DAY -> "to_char(sent_day, 'YYYY-MM-DD')";
        };
    }

    private static OtpAnalyticsBucket bucket(ResultSet rs, int row) throws SQLException {
        return new OtpAnalyticsBucket(rs.getString("bucket"), rs.getLong("sent"), rs.getLong("dispatched"),
                rs.getLong("delivered"), rs.getLong("read"), rs.getLong("unconfirmed"), rs.getLong("verified"),
                rs.getLong("expired"), rs.getLong("failed"), rs.getLong("locked"), rs.getLong("fallback_used"),
                millis(rs, "delivered_p50"), millis(rs, "delivered_p95"), millis(rs, "verified_p50"),
                millis(rs, "verified_p95"));
    }

    /** Percentiles interpolate between samples; whole milliseconds are precise enough for latencies. */
    private static Long millis(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : Math.round(value);
    }
}
