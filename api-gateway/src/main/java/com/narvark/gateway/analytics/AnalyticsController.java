package com.narvark.gateway.analytics;

import com.narvark.gateway.auth.Caller;
import com.narvark.gateway.error.ApiException;
import com.narvark.gateway.otp.QueryParameters;
import com.narvark.otp.api.query.AnalyticsGrouping;
import com.narvark.otp.api.query.FindOtpAnalyticsQuery;
import com.narvark.otp.api.query.OtpAnalyticsView;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/analytics}: the caller's OTP outcomes and latencies over UTC days, grouped by one dimension. */
@RestController
class AnalyticsController {

    private final QueryGateway queries;
    private final Clock clock;

    AnalyticsController(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/v1/analytics")
    AnalyticsJson analytics(@AuthenticationPrincipal Caller caller,
                            @RequestParam MultiValueMap<String, String> raw) {
        QueryParameters params = new QueryParameters(raw, name -> false, "from", "to", "group_by");
        AnalyticsWindow window = AnalyticsWindow.of(params, clock);
        LocalDate from = window.from();
        LocalDate to = window.to();
        AnalyticsGrouping groupBy = params.string("group_by").map(AnalyticsController::grouping)
                .orElse(AnalyticsGrouping.DAY);
        OtpAnalyticsView view = queries.query(new FindOtpAnalyticsQuery(caller.accountId(), caller.livemode(), from,
                to, groupBy), OtpAnalyticsView.class).join();
        return new AnalyticsJson("analytics", from, to, groupBy.name().toLowerCase(Locale.ROOT), caller.livemode(),
                view.buckets().stream().map(BucketJson::of).toList());
    }

    private static AnalyticsGrouping grouping(String value) {
        return switch (value) {
            case "channel" -> AnalyticsGrouping.CHANNEL;
            case "country" -> AnalyticsGrouping.COUNTRY;
            case "day" -> AnalyticsGrouping.DAY;
            default -> throw ApiException.invalid("group_by", "group_by must be channel, country or day");
        };
    }

    record AnalyticsJson(String object, LocalDate from, LocalDate to, String groupBy, boolean livemode,
                         List<BucketJson> data) {
    }
}
