package com.narvark.gateway.error;

import com.narvark.otp.api.RandomIds;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A {@code Request-Id} on every answer, refusals by the other filters included (so it runs first): the one value a
 * customer quotes to support, and the SDKs put it on their errors. It is generated here, never taken from the client.
 * While the request runs it is in the logging context ({@code requestId}: every log line of the request, JSON or
 * not, carries it) and on the request's span, so support can go from the id a customer quotes to the trace.
 */
@Component
@Order(RequestIdFilter.ORDER)
class RequestIdFilter extends OncePerRequestFilter {

    /** Before Spring Security's filter chain (order -100), so its refusals carry the id too. */
    static final int ORDER = -200;
    static final String HEADER = "Request-Id";
    static final String MDC_KEY = "requestId";

    private final SecureRandom random;
    private final ObjectProvider<Tracer> tracer;

    RequestIdFilter(SecureRandom random, ObjectProvider<Tracer> tracer) {
        this.random = random;
        this.tracer = tracer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = "req_" + RandomIds.base32(random, 26);
        response.setHeader(HEADER, requestId);
        Tracer current = tracer.getIfAvailable();
        Span span = current == null ? null : current.currentSpan();
        if (span != null) {
            span.tag("narvark.request_id", requestId);
        }
        MDC.put(MDC_KEY, requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }
}
