package com.narvark.gateway.events;

import com.narvark.gateway.auth.Caller;
import com.narvark.gateway.error.ApiException;
import com.narvark.gateway.otp.QueryParameters;
import com.narvark.otp.api.OtpId;
import com.narvark.otp.api.query.FindOtpEventsQuery;
import com.narvark.otp.api.query.OtpEventView;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The auditor's API: one OTP's full event history, and every event of the account in a window as NDJSON. */
@RestController
class OtpEventsController {

    static final Duration MAX_WINDOW = Duration.ofDays(31);

    private final QueryGateway queries;
    private final EventExportWriter export;

    OtpEventsController(QueryGateway queries, EventExportWriter export) {
        this.queries = queries;
        this.export = export;
    }

    @GetMapping("/v1/otp/{id}/events")
    Map<String, Object> history(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        if (!OtpId.isWellFormed(id)) {
            throw ApiException.notFound("no such OTP");
        }
        List<OtpEventView> events = queries.query(new FindOtpEventsQuery(id, caller.accountId(), caller.livemode()),
                ResponseTypes.multipleInstancesOf(OtpEventView.class)).join();
        if (events.isEmpty()) {
            throw ApiException.notFound("no such OTP");
        }
        return Map.of("object", "list", "url", "/v1/otp/" + id + "/events",
                "data", events.stream().map(EventJson::of).toList());
    }

    /** Streams as it reads: one page of the event store at a time, written and flushed before the next. */
    @GetMapping(value = "/v1/events/export")
    void export(@AuthenticationPrincipal Caller caller, @RequestParam MultiValueMap<String, String> raw,
                HttpServletResponse response) throws IOException {
        QueryParameters params = new QueryParameters(raw, name -> false, "from", "to");
        Instant from = params.instant("from").orElseThrow(() -> ApiException.invalid("from", "from is required"));
        Instant to = params.instant("to").orElseThrow(() -> ApiException.invalid("to", "to is required"));
        if (!from.isBefore(to)) {
            throw ApiException.invalid("to", "to must be after from");
        }
        if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            throw ApiException.invalid("to", "the window may span at most " + MAX_WINDOW.toDays() + " days");
        }
        export.write(caller, from, to, response);
    }
}
