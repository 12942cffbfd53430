package com.narvark.gateway.analytics;

import com.narvark.gateway.auth.Caller;
import com.narvark.gateway.otp.QueryParameters;
import com.narvark.otp.api.query.FindOtpFailuresQuery;
import com.narvark.otp.api.query.OtpFailureBucket;
import com.narvark.otp.api.query.OtpFailuresView;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/analytics/failures}: the caller's failed delivery attempts over UTC days, per channel, destination
 * country and failure reason, with how many of them ended their OTP. Same window rules as {@code /v1/analytics}.
 */
@RestController
class FailureAnalyticsController {

    private final QueryGateway queries;
    private final Clock clock;

    FailureAnalyticsController(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/v1/analytics/failures")
    FailuresJson failures(@AuthenticationPrincipal Caller caller, @RequestParam MultiValueMap<String, String> raw) {
        AnalyticsWindow window = AnalyticsWindow.of(new QueryParameters(raw, name -> false, "from", "to"), clock);
        OtpFailuresView view = queries.query(new FindOtpFailuresQuery(caller.accountId(), caller.livemode(),
                window.from(), window.to()), OtpFailuresView.class).join();
        return new FailuresJson("failure_analytics", window.from(), window.to(), caller.livemode(),
                view.buckets().stream().map(FailureJson::of).toList());
    }

    record FailuresJson(String object, LocalDate from, LocalDate to, boolean livemode, List<FailureJson> data) {
    }

    record FailureJson(String channel, String country, String failureReason, long failedAttempts, long failedOtps) {

        static FailureJson of(OtpFailureBucket b) {
            return new FailureJson(b.channel(), b.country(), b.failureReason(), b.failedAttempts(), b.failedOtps());
        }
    }
}
