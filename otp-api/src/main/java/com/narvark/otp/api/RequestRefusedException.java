package com.narvark.otp.api;

/**
 * A request that an endpoint of a domain module refuses, in the API's own terms: the gateway answers it in the
 * documented error shape, exactly as it answers its own refusals (the carrier callbacks of otp-delivery throw it
 * for a signature that does not match). The reason is the public error code's meaning, not an HTTP detail; the
 * message is what the caller reads. It is an answer, not a fault, so no stack trace is taken.
 */
public final class RequestRefusedException extends RuntimeException {

    /** Why the request is refused: {@code invalid_request}, {@code unauthorized} or {@code forbidden}. */
    public enum Reason {
        INVALID_REQUEST,
        UNAUTHORIZED,
        FORBIDDEN
    }

    private final Reason reason;

    public RequestRefusedException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
