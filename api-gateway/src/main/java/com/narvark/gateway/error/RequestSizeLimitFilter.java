package com.narvark.gateway.error;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** No API body is legitimately larger than a few kilobytes; refuse big ones before anything reads them. */
@Component
@Order(0)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    static final long MAX_BODY_BYTES = 64 * 1024;

    private final ErrorWriter errors;

    RequestSizeLimitFilter(ErrorWriter errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            errors.write(response, new ApiException(HttpStatus.CONTENT_TOO_LARGE, "invalid_request",
                    "the request body must not exceed " + MAX_BODY_BYTES / 1024 + " KiB", null));
            return;
        }
        chain.doFilter(request, response);
    }
}
