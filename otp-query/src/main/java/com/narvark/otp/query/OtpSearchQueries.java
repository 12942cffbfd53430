package com.narvark.otp.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.narvark.otp.api.query.FindOtpsQuery;
import com.narvark.otp.api.query.OtpSearchView;
import com.narvark.otp.api.query.OtpStatusView;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Search over {@code otp_status}: newest first, keyset pagination on (created_at, otp_id) so that a page costs the
 * same at the millionth row as at the first, and every filter is served by an index that starts with
 * (account_id, livemode) — see docs/read-models.md.
 */
@Component
class OtpSearchQueries {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;

    OtpSearchQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    OtpSearchView handle(FindOtpsQuery query) {
        StringBuilder sql = new StringBuilder(
                "SELECT * FROM otp_query.otp_status WHERE account_id = ? AND livemode = ?");
        List<Object> params = new ArrayList<>(List.of(query.accountId(), query.livemode()));
        if (query.startingAfter() != null) {
            Optional<Timestamp> cursor = cursor(query);
            if (cursor.isEmpty()) {
                return new OtpSearchView(List.of(), false, false);
            }
            sql.append(" AND (created_at, otp_id) < (?, ?)");
            params.add(cursor.get());
            params.add(query.startingAfter());
        }
        filter(sql, params, " AND status = ?", query.status() == null ? null : query.status().wireName());
        filter(sql, params, " AND channel = ?", query.channel() == null ? null : query.channel().wireName());
        filter(sql, params, " AND to_address = ?", query.to());
        filter(sql, params, " AND created_at > ?", query.createdAfter() == null ? null
                : Timestamp.from(query.createdAfter()));
        filter(sql, params, " AND created_at < ?", query.createdBefore() == null ? null
                : Timestamp.from(query.createdBefore()));
        filter(sql, params, " AND metadata @> ?::jsonb", query.metadata() == null || query.metadata().isEmpty()
                ? null : json(query));
        sql.append(" ORDER BY created_at DESC, otp_id DESC LIMIT ?");
        params.add(query.limit() + 1);
        List<OtpStatusView> rows = jdbc.sql(sql.toString()).params(params).query(OtpStatusRepository::map).list();
        boolean hasMore = rows.size() > query.limit();
        return new OtpSearchView(hasMore ? rows.subList(0, query.limit()) : rows, hasMore, true);
    }

    private Optional<Timestamp> cursor(FindOtpsQuery query) {
        return jdbc.sql("SELECT created_at FROM otp_query.otp_status "
                        + "WHERE otp_id = ? AND account_id = ? AND livemode = ?")
                .params(query.startingAfter(), query.accountId(), query.livemode())
                .query(Timestamp.class).optional();
    }

    private static void filter(StringBuilder sql, List<Object> params, String clause, Object value) {
        if (value != null) {
            sql.append(clause);
            params.add(value);
        }
    }

    private static String json(FindOtpsQuery query) {
        try {
            return JSON.writeValueAsString(query.metadata());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("metadata filter is not serialisable", e);
        }
    }
}
