package com.narvark.gateway.analytics;

import com.narvark.gateway.error.ApiException;
import com.narvark.gateway.otp.QueryParameters;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The UTC days [from, to] an analytics request covers: the last 30 by default, at most 366. */
record AnalyticsWindow(LocalDate from, LocalDate to) {

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 366;

    static AnalyticsWindow of(QueryParameters params, Clock clock) {
        LocalDate to = params.date("to").orElse(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        LocalDate from = params.date("from").orElse(to.minusDays(DEFAULT_DAYS - 1));
        if (from.isAfter(to)) {
            throw ApiException.invalid("from", "from must not be after to");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw ApiException.invalid("to", "the window may span at most " + MAX_DAYS + " days");
        }
        return new AnalyticsWindow(from, to);
    }
}
