package com.narvark.gateway.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page, in the API's error shape instead of Spring Boot's default body: what a servlet filter
 * or the container itself refused or failed with (before any controller ran) still answers
 * {@code {"error": {…}}}. Only error dispatches reach it; a request for {@code /error} itself is refused.
 */
@RestController
class ErrorPathController implements ErrorController {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPathController.class);

    @RequestMapping("/error")
    ResponseEntity<ApiErrorBody> error(HttpServletRequest request) {
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        var tooLarge = BodyTooLargeException.in(failure);
        if (tooLarge.isPresent()) {
            return ApiExceptionHandler.tooLarge(tooLarge.get());
        }
        if (DatabaseUnavailable.isCause(failure)) {
            LOG.warn("database unreachable while a filter answered: {}", failure.toString());
            ApiException answer = DatabaseUnavailable.answer();
            return ResponseEntity.status(answer.status()).contentType(MediaType.APPLICATION_JSON)
                    .header("Retry-After", Long.toString(answer.retryAfterSeconds())).body(answer.body());
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        if (status.is5xxServerError()) {
            LOG.error("failure outside the API's handlers ({})", status.value(), failure);
        }
        ApiException answer = switch (status) {
            case NOT_FOUND -> ApiException.notFound("no such resource");
            case UNAUTHORIZED -> ApiException.unauthorized("authentication is required");
            case FORBIDDEN -> new ApiException(status, "forbidden", "not allowed", null);
            case CONTENT_TOO_LARGE -> BodyTooLargeException.answer(64 * 1024);
            case METHOD_NOT_ALLOWED -> new ApiException(status, "invalid_request", "method not allowed here", null);
            default -> status.is4xxClientError() ? new ApiException(status, "invalid_request",
                    "the request could not be understood", null)
                    : new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                    "something went wrong on our side; the request may be retried", null);
        };
        return ResponseEntity.status(answer.status()).contentType(MediaType.APPLICATION_JSON).body(answer.body());
    }
}
