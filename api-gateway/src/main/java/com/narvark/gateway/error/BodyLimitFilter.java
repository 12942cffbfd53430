package com.narvark.gateway.error;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body while it streams, before authentication reads anything: a declared Content-Length over
 * the limit is refused unread; otherwise the body stream counts and fails past the limit (chunked bodies included),
 * and the answer is {@code 413 payload_too_large} with {@code Connection: close}, so the rest is never read (Tomcat
 * swallows at most {@code server.tomcat.max-swallow-size} of it before closing). Carrier callbacks have their own cap.
 */
@Component
@Order(RequestIdFilter.ORDER + 1)
class BodyLimitFilter extends OncePerRequestFilter {

    private static final RequestMatcher CALLBACKS = PathPatternRequestMatcher.pathPattern("/callbacks/**");

    private final long apiLimit;
    private final long callbackLimit;
    private final ErrorWriter errors;

    BodyLimitFilter(@Value("${narvark.limits.api-body:64KB}") DataSize apiLimit,
                    @Value("${narvark.limits.callback-body:256KB}") DataSize callbackLimit, ErrorWriter errors) {
        this.apiLimit = apiLimit.toBytes();
        this.callbackLimit = callbackLimit.toBytes();
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = CALLBACKS.matches(request) ? callbackLimit : apiLimit;
        if (request.getContentLengthLong() > limit) {
            refuse(response, BodyTooLargeException.answer(limit));
            return;
        }
        if (isMultipart(request)) {
            // No route takes multipart, and the container parses it from its own stream, past this limit.
            errors.write(response, new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "invalid_request",
                    "multipart bodies are not accepted; send application/json (or the form the page posts)", null));
            return;
        }
        if (!isForm(request) && !queryParses(request)) {
            errors.write(response, ApiException.invalid(null, "the query string is not valid URL encoding"));
            return;
        }
        HttpServletRequest bounded = new BoundedBodyRequest(request, limit);
        try {
            if (isForm(request)) {
                byte[] body = bounded.getInputStream().readAllBytes();
                try {
                    bounded = new FormBodyRequest(request, body);
                } catch (IllegalArgumentException malformed) {
                    errors.write(response, ApiException.invalid(null, "the form body is not valid URL encoding"));
                    return;
                }
            }
            chain.doFilter(bounded, response);
        } catch (BodyTooLargeException e) {
            // Thrown past every handler (a filter read the body): answered here unless something already answered.
            if (!response.isCommitted()) {
                String requestId = response.getHeader(RequestIdFilter.HEADER);
                response.reset();
                response.setHeader(RequestIdFilter.HEADER, requestId);
                refuse(response, e.answer());
            }
        }
    }

    private void refuse(HttpServletResponse response, ApiException answer) throws IOException {
        response.setHeader("Connection", "close");
        errors.write(response, answer);
    }

    /** Parses the query string now (it reads no body here), so a malformed escape is a 400, not a 500 later. */
    private static boolean queryParses(HttpServletRequest request) {
        try {
            request.getParameterMap();
            return true;
        } catch (IllegalStateException | IllegalArgumentException malformed) {
            return false;
        }
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, "multipart/", 0, "multipart/".length());
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        try {
            return "POST".equals(request.getMethod()) && type != null
                    && MediaType.APPLICATION_FORM_URLENCODED.includes(MediaType.parseMediaType(type));
        } catch (IllegalArgumentException unparsable) {
            return false; // not a form; the handler refuses the content type
        }
    }
}
