package com.narvark.gateway.events;

import com.narvark.gateway.auth.Caller;
import com.narvark.otp.api.query.FindOtpEventPageQuery;
import com.narvark.otp.api.query.OtpEventPageView;
import com.narvark.otp.api.query.OtpEventView;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an account's events as NDJSON while reading them: the gateway asks otp-query for one page at a time,
 * keyed by the event store's global position, writes it, flushes, and forgets it. Memory stays at one page however
 * long the window, and the gateway never touches the event store's tables itself.
 */
@Component
class EventExportWriter {

    static final String NDJSON = "application/x-ndjson";

    private final QueryGateway queries;
    private final JsonMapper json;
    private final int pageSize;

    EventExportWriter(QueryGateway queries, JsonMapper json,
                      @Value("${narvark.read-side.export-page-size:500}") int pageSize) {
        this.queries = queries;
        this.json = json;
        this.pageSize = pageSize;
    }

    void write(Caller caller, Instant from, Instant to, HttpServletResponse response) throws IOException {
        // The first page is read before anything is written, so a failure there is still a clean error answer.
        OtpEventPageView page = page(caller, from, to, 0);
        response.setContentType(NDJSON);
        response.setCharacterEncoding("UTF-8");
        ServletOutputStream out = response.getOutputStream();
        while (true) {
            for (OtpEventView event : page.events()) {
                out.write(json.writeValueAsBytes(EventJson.of(event)));
                out.write('\n');
            }
            out.flush();
            if (!page.hasMore()) {
                return;
            }
            page = page(caller, from, to, page.lastPosition());
        }
    }

    private OtpEventPageView page(Caller caller, Instant from, Instant to, long after) {
        return queries.query(new FindOtpEventPageQuery(caller.accountId(), caller.livemode(), from, to, after,
                pageSize), OtpEventPageView.class).join();
    }
}
