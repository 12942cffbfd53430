package com.narvark.otp.command;

import com.narvark.otp.api.event.OtpEndedEvent;
import com.narvark.otp.api.event.OtpRequestedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/**
 * Keeps {@link OtpExpiries} in step with the OTPs' events: a row from the event that creates an OTP until the one
 * that ends it. Its processor is a subscribing one (see {@link OtpCommandConfiguration}): it runs in the command's
 * own unit of work, after the events are appended and before the transaction commits, so a row and its events
 * commit or roll back together, and a failure here fails the command. Nothing to replay: a subscribing processor
 * only ever sees events as they are published.
 */
@ProcessingGroup(OtpExpiryRows.PROCESSING_GROUP)
class OtpExpiryRows {

    static final String PROCESSING_GROUP = "otp-expiry-rows";

    private final OtpExpiries expiries;

    OtpExpiryRows(OtpExpiries expiries) {
        this.expiries = expiries;
    }

    @EventHandler
    void on(OtpRequestedEvent event) {
        expiries.schedule(event.otpId(), event.expiresAt());
    }

    /** Verified, expired, locked, failed or cancelled: nothing left to expire. */
    @EventHandler
    void on(OtpEndedEvent event) {
        expiries.remove(event.otpId());
    }
}
