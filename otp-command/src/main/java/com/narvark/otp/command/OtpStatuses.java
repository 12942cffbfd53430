package com.narvark.otp.command;

import com.narvark.otp.api.OtpStatus;
import com.narvark.otp.api.event.OtpCancelledEvent;
import com.narvark.otp.api.event.OtpEndedEvent;
import com.narvark.otp.api.event.OtpExpiredEvent;
import com.narvark.otp.api.event.OtpFailedEvent;
import com.narvark.otp.api.event.OtpLockedEvent;
import com.narvark.otp.api.event.OtpVerifiedEvent;

/** How the status of an {@link Otp} follows its events: delivery progress moves it forward, an ending closes it. */
final class OtpStatuses {

    private OtpStatuses() {
    }

    /** Delivery progress only moves forward and never reopens an ended OTP. */
    static OtpStatus progressed(OtpStatus current, OtpStatus reached) {
        return !current.isFinal() && reached.ordinal() > current.ordinal() ? reached : current;
    }

    static OtpStatus after(OtpEndedEvent ending) {
        if (ending instanceof OtpVerifiedEvent) {
            return OtpStatus.VERIFIED;
        }
        if (ending instanceof OtpExpiredEvent) {
            return OtpStatus.EXPIRED;
        }
        if (ending instanceof OtpLockedEvent) {
            return OtpStatus.LOCKED;
        }
        if (ending instanceof OtpFailedEvent) {
            return OtpStatus.FAILED;
        }
        if (ending instanceof OtpCancelledEvent) {
            return OtpStatus.CANCELLED;
        }
        throw new IllegalArgumentException("an ending the OTP does not know: " + ending);
    }
}
