package com.narvark.gateway.auth;

import com.narvark.accounts.ApiKeys;
import com.narvark.gateway.error.ApiException;
import com.narvark.gateway.error.ErrorWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.OptionalLong;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses operator-credential attempts while this client, or everyone, has failed too often: before any compare. */
final class CredentialThrottleFilter extends OncePerRequestFilter {

    private final CredentialThrottle throttle;
    private final String surface;
    private final ErrorWriter errors;

    CredentialThrottleFilter(CredentialThrottle throttle, String surface, ErrorWriter errors) {
        this.throttle = throttle;
        this.surface = surface;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // No credential presented, or an API key (never the operator token): nothing guessed, the chain answers 401.
        BearerToken presented = BearerToken.from(request);
        return presented == null || ApiKeys.isWellFormed(presented.getCredentials());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        OptionalLong wait = throttle.refusal(surface, request);
        if (wait.isPresent()) {
            response.setHeader("Retry-After", Long.toString(wait.getAsLong()));
            errors.write(response, new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
                    "too many failed attempts with the operator credential; retry after " + wait.getAsLong() + " s",
                    null));
            return;
        }
        chain.doFilter(request, response);
    }
}
