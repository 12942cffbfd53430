package com.narvark.gateway.usage;

import com.narvark.gateway.auth.Caller;
import com.narvark.gateway.error.ApiException;
import com.narvark.gateway.otp.QueryParameters;
import com.narvark.otp.api.query.FindUsageQuery;
import com.narvark.otp.api.query.UsageView;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/usage?month=YYYY-MM}: the caller's billable units per channel in one UTC month (default: the current
 * one). Scoped to the key's account and environment; a test key always sees zero, the test environment is free.
 */
@RestController
public class UsageController {

    private static final Pattern MONTH = Pattern.compile("[0-9]{4}-[0-9]{2}");

    private final QueryGateway queries;
    private final Clock clock;

    UsageController(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/v1/usage")
    UsageJson usage(@AuthenticationPrincipal Caller caller,
                    @RequestParam MultiValueMap<String, String> raw) {
        QueryParameters params = new QueryParameters(raw, name -> false, "month");
        YearMonth month = params.string("month").map(UsageController::month)
                .orElse(YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)));
        return usage(caller.accountId(), caller.livemode(), month);
    }

    /** Also what the account console shows. */
    public UsageJson usage(String accountId, boolean livemode, YearMonth month) {
        UsageView view = queries.query(new FindUsageQuery(accountId, livemode, month), UsageView.class).join();
        List<LineJson> lines = view.lines().stream().map(l -> new LineJson(l.channel(), l.units(), l.parts()))
                .toList();
        return new UsageJson("usage", month.toString(), livemode, lines.stream().mapToLong(LineJson::units).sum(),
                lines.stream().mapToLong(LineJson::parts).sum(), lines);
    }

    private static YearMonth month(String value) {
        try {
            if (MONTH.matcher(value).matches()) {
                return YearMonth.parse(value);
            }
        } catch (DateTimeParseException e) {
            // falls through to the same answer as any other malformed month
        }
        throw ApiException.invalid("month", "month must be a month as YYYY-MM, e.g. 2026-11");
    }

    /** {@code totalParts}: the carrier messages behind the units (a long SMS bills each of its parts). */
    public record UsageJson(String object, String month, boolean livemode, long totalUnits, long totalParts,
                            List<LineJson> data) {
    }

    public record LineJson(String channel, long units, long parts) {
    }
}
