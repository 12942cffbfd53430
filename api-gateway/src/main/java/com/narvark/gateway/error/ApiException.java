package com.narvark.gateway.error;

import org.springframework.http.HttpStatus;

/** A request the API refuses, with the public error code, message and offending parameter. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String param;
    private final long retryAfterSeconds;

    public ApiException(HttpStatus status, String code, String message, String param) {
        this(status, code, message, param, 0);
    }

    /** A refusal that lifts by itself: answered with {@code Retry-After} when {@code retryAfterSeconds} > 0. */
    public ApiException(HttpStatus status, String code, String message, String param, long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.param = param;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ApiException invalid(String param, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid_request", message, param);
    }

    public static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, "not_found", message, null);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized", message, null);
    }

    /** The account already has the most keys one environment may have; revoking one makes room. */
    public static ApiException keyLimitReached(boolean livemode, int max) {
        return new ApiException(HttpStatus.CONFLICT, "key_limit_reached", "the account already has " + max
                + " active " + (livemode ? "live" : "test") + " keys, the most allowed; revoke one first", null);
    }

    public HttpStatus status() {
        return status;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public ApiErrorBody body() {
        return new ApiErrorBody(new ApiErrorBody.Error(code, getMessage(), param));
    }
}
