package com.narvark.gateway.events;

import com.narvark.otp.api.query.OtpEventView;
import java.time.Instant;
import java.util.Map;

/** One stored event as auditors see it, in the history and in each line of the export. */
record EventJson(String id, String object, String otpId, long sequence, String type, Instant timestamp,
                 Map<String, Object> data) {

    static EventJson of(OtpEventView e) {
        return new EventJson(e.eventId(), "otp_event", e.otpId(), e.sequence(), e.type(), e.timestamp(), e.data());
    }
}
