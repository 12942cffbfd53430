package com.narvark.otp.delivery.http;

import com.narvark.otp.api.RequestRefusedException;
import com.narvark.otp.api.RequestRefusedException.Reason;

/**
 * The carrier callbacks' refusals. Each is thrown before any receipt is recorded, so a forgery changes nothing; the
 * gateway answers them in the API's error shape. The messages never say whether a secret is configured.
 */
final class CallbackRefusals {

    private CallbackRefusals() {
    }

    static RequestRefusedException signatureMismatch(String header) {
        return new RequestRefusedException(Reason.UNAUTHORIZED,
                "the " + header + " header does not match the request");
    }

    static RequestRefusedException verifyTokenMismatch() {
        return new RequestRefusedException(Reason.FORBIDDEN, "the verify token does not match");
    }

    static RequestRefusedException notJson() {
        return new RequestRefusedException(Reason.INVALID_REQUEST, "the request body must be JSON");
    }
}
