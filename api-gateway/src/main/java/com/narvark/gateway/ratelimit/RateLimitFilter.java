package com.narvark.gateway.ratelimit;

import com.narvark.gateway.auth.Caller;
import com.narvark.gateway.error.ApiException;
import com.narvark.gateway.error.ErrorWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits every authenticated request by its API key (never by address: X-Forwarded-For is not read) and puts the
 * RateLimit headers on every answer, refused or not. Unlimited keys get no headers and cost no database call.
 */
@Component
@Order(20)
class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;
    private final ErrorWriter errors;
    private final int defaultPerMinute;

    RateLimitFilter(RateLimiter limiter, ErrorWriter errors,
                    @Value("${narvark.rate-limit.per-minute:1000}") int defaultPerMinute) {
        this.limiter = limiter;
        this.errors = errors;
        this.defaultPerMinute = defaultPerMinute;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller = (Caller) request.getAttribute(Caller.ATTRIBUTE);
        KeyRateLimit setting = (KeyRateLimit) request.getAttribute(KeyRateLimit.ATTRIBUTE);
        if (caller == null || setting == null || setting.unlimited()) {
            chain.doFilter(request, response);
            return;
        }
        int limit = setting.perMinute() == null ? defaultPerMinute : setting.perMinute();
        RateLimitDecision decision = limiter.take(caller.keyId(), limit);
        response.setHeader("RateLimit-Limit", Integer.toString(decision.limit()));
        response.setHeader("RateLimit-Remaining", Long.toString(decision.remaining()));
        response.setHeader("RateLimit-Reset", Long.toString(decision.resetSeconds()));
        if (!decision.allowed()) {
            response.setHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
            errors.write(response, new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
                    "more than " + limit + " requests per minute with this API key; retry after "
                            + decision.retryAfterSeconds() + " s", null));
            return;
        }
        chain.doFilter(request, response);
    }
}
