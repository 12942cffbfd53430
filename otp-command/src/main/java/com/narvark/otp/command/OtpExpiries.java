package com.narvark.otp.command;

import java.time.Instant;
import java.util.List;

/**
 * When each OTP that has not ended expires: one row per such OTP. {@link OtpExpiryRows} writes it from the OTP's
 * events in their command's transaction (scheduled by the event that creates the OTP, removed by the one that ends
 * it), so a row exists exactly while its OTP's events say it is live; the {@link ExpiryPoller} claims the rows that
 * fall due.
 */
interface OtpExpiries {

    /** The OTP expires at {@code expiresAt}; replaces an earlier time of the same OTP. */
    void schedule(String otpId, Instant expiresAt);

    /** The OTP ended: nothing left to expire. Removing a row that is not there changes nothing. */
    void remove(String otpId);

    /**
     * Up to {@code limit} OTPs whose expiry is due at {@code now}, the earliest first, each leased until
     * {@code leaseUntil}: due again then, should its expire command never land. Rows another node is claiming at this
     * moment are left to it.
     */
    List<String> claimDue(Instant now, Instant leaseUntil, int limit);
}
