package com.narvark.gateway.error;

import com.narvark.otp.api.RandomIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A {@code Request-Id} on every answer, refusals by the other filters included (so it runs first): the one value a
 * customer quotes to support, and the SDKs put it on their errors. It is generated here, never taken from the client.
 */
@Component
@Order(RequestIdFilter.ORDER)
class RequestIdFilter extends OncePerRequestFilter {

    /** Before Spring Security's filter chain (order -100), so its refusals carry the id too. */
    static final int ORDER = -200;
    static final String HEADER = "Request-Id";

    private final SecureRandom random;

    RequestIdFilter(SecureRandom random) {
        this.random = random;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(HEADER, "req_" + RandomIds.base32(random, 26));
        chain.doFilter(request, response);
    }
}
