package com.narvark.gateway.ratelimit;

import com.narvark.gateway.auth.ApiKeyAuthentication;
import com.narvark.gateway.error.ApiException;
import com.narvark.gateway.error.ErrorWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits every authenticated API request by its key and by its account (never by address: X-Forwarded-For is not
 * read): an account's keys share the account's allowance, so minting keys buys no throughput. The RateLimit
 * headers on every answer describe the key's own bucket. Both buckets are taken in one statement (a refusal costs
 * one more, to read the refusing bucket's headers). Unlimited keys are exempt from both: no headers, no database
 * call. Runs inside the API-key chain, after authorization.
 */
@Component
public class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;
    private final ErrorWriter errors;
    private final int defaultPerMinute;
    private final int accountPerMinute;
    private final Counter keyRefusals;
    private final Counter accountRefusals;

    RateLimitFilter(RateLimiter limiter, ErrorWriter errors, MeterRegistry registry,
                    @Value("${narvark.rate-limit.per-minute:1000}") int defaultPerMinute,
                    @Value("${narvark.rate-limit.account-per-minute:3000}") int accountPerMinute) {
        this.limiter = limiter;
        this.errors = errors;
        this.defaultPerMinute = defaultPerMinute;
        this.accountPerMinute = accountPerMinute;
        this.keyRefusals = refusals(registry, "key");
        this.accountRefusals = refusals(registry, "account");
    }

    /** By which allowance was spent; never by key or account (unbounded, and identifying). */
    private static Counter refusals(MeterRegistry registry, String scope) {
        return Counter.builder("narvark.rate_limit.refusals").description("API requests refused with 429 rate_limited")
                .tag("scope", scope).register(registry);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof ApiKeyAuthentication key)
                || key.rateLimit().unlimited()) {
            chain.doFilter(request, response);
            return;
        }
        int limit = key.rateLimit().perMinute() == null ? defaultPerMinute : key.rateLimit().perMinute();
        int accountLimit = key.accountPerMinute() == null ? accountPerMinute : key.accountPerMinute();
        RateLimiter.Taken taken = limiter.takeWithShared(key.caller().keyId(), limit,
                "account:" + key.caller().accountId(), accountLimit);
        RateLimitDecision decision = taken.own();
        response.setHeader("RateLimit-Limit", Integer.toString(decision.limit()));
        response.setHeader("RateLimit-Remaining", Long.toString(decision.remaining()));
        response.setHeader("RateLimit-Reset", Long.toString(decision.resetSeconds()));
        if (!decision.allowed()) {
            keyRefusals.increment();
            refuse(response, decision, "more than " + limit + " requests per minute with this API key");
            return;
        }
        RateLimitDecision account = taken.shared();
        if (!account.allowed()) {
            accountRefusals.increment();
            refuse(response, account, "more than " + accountLimit + " requests per minute for this account, "
                    + "all its keys together");
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletResponse response, RateLimitDecision decision, String why) throws IOException {
        response.setHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
        errors.write(response, new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
                why + "; retry after " + decision.retryAfterSeconds() + " s", null));
    }
}
