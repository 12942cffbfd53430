package com.narvark.otp.api.query;

import java.util.List;

/** A page of search results; {@code cursorFound} is false when {@code startingAfter} named no OTP of the caller. */
public record OtpSearchView(List<OtpStatusView> data, boolean hasMore, boolean cursorFound) {
}
