package com.narvark.gateway.auth;

import com.narvark.gateway.error.ApiException;
import com.narvark.gateway.error.ErrorWriter;
import com.narvark.gateway.ratelimit.KeyRateLimit;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every {@code /v1/} request except the admin API by its bearer key. Missing, malformed, unknown and
 * revoked keys all get the same 401, so the answer tells an attacker nothing about which case it was.
 */
@Component
@Order(10)
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final ApiKeyStore keys;
    private final ErrorWriter errors;

    ApiKeyAuthenticationFilter(ApiKeyStore keys, ErrorWriter errors) {
        this.keys = keys;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !path.startsWith("/v1/") || path.startsWith("/v1/admin/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<ApiKeyStore.Authenticated> caller =
                bearer(request).filter(ApiKeys::isWellFormed).flatMap(keys::authenticate);
        if (caller.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer");
            errors.write(response, ApiException.unauthorized(
                    "a valid API key is required: Authorization: Bearer nvk_test_sk_… or nvk_live_sk_…"));
            return;
        }
        request.setAttribute(Caller.ATTRIBUTE, caller.get().caller());
        request.setAttribute(KeyRateLimit.ATTRIBUTE, caller.get().rateLimit());
        chain.doFilter(request, response);
    }

    static Optional<String> bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.empty();
        }
        return Optional.of(header.substring(PREFIX.length()).trim());
    }
}
