package com.narvark.gateway.otp;

import com.narvark.otp.api.query.DeliveryAttemptView;

/** One delivery attempt in the OTP object: its carrier outcome, parts, SMS alphabet, and why it failed. */
record DeliveryAttemptJson(int attempt, String channel, String status, int parts, String encoding,
                           String failureReason, String carrierError) {

    static DeliveryAttemptJson of(DeliveryAttemptView a) {
        return new DeliveryAttemptJson(a.attempt(), a.channel().wireName(), a.status(), a.parts(), a.encoding(),
                a.failureReason(), a.carrierError());
    }
}
