package com.narvark.otp.query;

import com.narvark.otp.api.query.FindUsageQuery;
import com.narvark.otp.api.query.UsageView;
import com.narvark.otp.api.query.UsageView.UsageLine;
import java.sql.Date;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Usage per channel for one account and month. The test environment is never billable: it answers no lines. */
@Component
class OtpUsageQueries {

    private final JdbcClient jdbc;

    OtpUsageQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    UsageView handle(FindUsageQuery query) {
        if (!query.livemode()) {
            return new UsageView(List.of());
        }
        return new UsageView(jdbc.sql("""
                SELECT channel, count(*) AS units, sum(parts) AS parts FROM otp_query.usage_dispatches
                WHERE account_id = ? AND usage_month = ? GROUP BY channel ORDER BY channel
                """)
                .params(query.accountId(), Date.valueOf(query.month().atDay(1)))
                .query((rs, row) -> new UsageLine(rs.getString("channel"), rs.getLong("units"),
                        rs.getLong("parts"))).list());
    }
}
