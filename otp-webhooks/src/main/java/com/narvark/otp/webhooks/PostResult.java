package com.narvark.otp.webhooks;

import java.time.Duration;

/** What one POST came to: the HTTP status if an answer came, the receiver's Retry-After, or why it failed. */
record PostResult(Integer httpStatus, Duration retryAfter, String error, long latencyMillis) {

    boolean succeeded() {
        return httpStatus != null && httpStatus >= 200 && httpStatus < 300;
    }
}
