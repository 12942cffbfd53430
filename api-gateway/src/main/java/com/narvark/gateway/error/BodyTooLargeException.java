package com.narvark.gateway.error;

import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/** Thrown by a bounded request body once it has handed out its limit: the rest is never read. */
public class BodyTooLargeException extends IOException {

    private final long limit;

    BodyTooLargeException(long limit) {
        super("request body over " + limit + " bytes");
        this.limit = limit;
    }

    static ApiException answer(long limit) {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large",
                "the request body must not exceed " + limit / 1024 + " KiB", null);
    }

    ApiException answer() {
        return answer(limit);
    }

    /** The failure itself or its first cause of this type: message converters wrap what the stream threw. */
    static Optional<BodyTooLargeException> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException tooLarge) {
                return Optional.of(tooLarge);
            }
        }
        return Optional.empty();
    }
}
