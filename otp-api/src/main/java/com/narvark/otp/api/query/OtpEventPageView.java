package com.narvark.otp.api.query;

import java.util.List;

/** A page of events; {@code lastPosition} is the cursor of the next page, {@code hasMore} whether to ask for it. */
public record OtpEventPageView(List<OtpEventView> events, long lastPosition, boolean hasMore) {
}
