package com.narvark.gateway.error;

import com.narvark.accounts.AccountOrKeyNotFound;
import com.narvark.accounts.KeyLimitReached;
import com.narvark.otp.api.RequestRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure into the documented error body. Nothing of the cause (class names, SQL, stack traces) reaches
 * the client; unexpected failures are logged here with their cause and answered as {@code internal_error}.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiErrorBody> api(ApiException e) {
        // The content type is set, not negotiated: a client whose Accept rules JSON out still gets the error body.
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON);
        if (e.retryAfterSeconds() > 0) {
            answer.header("Retry-After", Long.toString(e.retryAfterSeconds()));
        }
        return answer.body(e.body());
    }

    /** A domain module's own endpoint refused the request (e.g. a carrier callback with a forged signature). */
    @ExceptionHandler(RequestRefusedException.class)
    ResponseEntity<ApiErrorBody> refused(RequestRefusedException e) {
        return api(switch (e.reason()) {
            case INVALID_REQUEST -> ApiException.invalid(null, e.getMessage());
            case UNAUTHORIZED -> ApiException.unauthorized(e.getMessage());
            case FORBIDDEN -> new ApiException(HttpStatus.FORBIDDEN, "forbidden", e.getMessage(), null);
        });
    }

    /** The accounts module's refusals, in the API's words. */
    @ExceptionHandler(AccountOrKeyNotFound.class)
    ResponseEntity<ApiErrorBody> notFound(AccountOrKeyNotFound e) {
        return api(ApiException.notFound(e.getMessage()));
    }

    @ExceptionHandler(KeyLimitReached.class)
    ResponseEntity<ApiErrorBody> keyLimit(KeyLimitReached e) {
        return api(ApiException.keyLimitReached(e.livemode(), e.max()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiErrorBody> unreadable(HttpMessageNotReadableException e) {
        return BodyTooLargeException.in(e).map(ApiExceptionHandler::tooLarge)
                .orElseGet(() -> api(ApiException.invalid(null, "the request body must be a JSON object")));
    }

    /** The body stream refused to give more: the connection closes, so the rest is never read. */
    @ExceptionHandler(BodyTooLargeException.class)
    static ResponseEntity<ApiErrorBody> tooLarge(BodyTooLargeException e) {
        ApiException answer = e.answer();
        return ResponseEntity.status(answer.status()).contentType(MediaType.APPLICATION_JSON)
                .header("Connection", "close").body(answer.body());
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<ApiErrorBody> badParameter(Exception e) {
        return api(ApiException.invalid(null, "a query parameter is missing or malformed"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiErrorBody> mediaType(HttpMediaTypeNotSupportedException e) {
        return api(new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "invalid_request",
                "send the body as application/json", null));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ApiErrorBody> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return api(new ApiException(HttpStatus.NOT_ACCEPTABLE, "invalid_request",
                "this API answers application/json only", null));
    }

    /** RFC 9110 §15.5.6: a 405 must list the methods the path does take, which the exception knows. */
    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiErrorBody> method(HttpRequestMethodNotSupportedException e) {
        ApiException answer = new ApiException(HttpStatus.METHOD_NOT_ALLOWED, "invalid_request",
                "method " + e.getMethod() + " is not allowed here", null);
        Set<HttpMethod> allowed = e.getSupportedHttpMethods();
        return ResponseEntity.status(answer.status()).allow(allowed == null ? new HttpMethod[0]
                : allowed.toArray(HttpMethod[]::new)).body(answer.body());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiErrorBody> noResource(NoResourceFoundException e) {
        return api(ApiException.notFound("no such resource"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiErrorBody> unexpected(Exception e) {
        if (DatabaseUnavailable.isCause(e)) {
            LOG.warn("database unreachable while answering a request: {}", e.toString());
            return api(DatabaseUnavailable.answer());
        }
        LOG.error("unexpected failure answering a request", e);
        return api(new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "something went wrong on our side; the request may be retried", null));
    }
}
