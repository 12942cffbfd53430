package com.narvark.gateway.auth;

import com.narvark.gateway.error.ApiException;
import com.narvark.gateway.error.ErrorWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Guards {@code /v1/admin/} with the operator token from {@code narvark.admin.token}; no token, no admin API. */
@Component
@Order(10)
class AdminAuthenticationFilter extends OncePerRequestFilter {

    private final byte[] adminToken;
    private final ErrorWriter errors;

    AdminAuthenticationFilter(@Value("${narvark.admin.token:}") String adminToken, ErrorWriter errors) {
        this.adminToken = adminToken.getBytes(StandardCharsets.UTF_8);
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/v1/admin/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] presented = ApiKeyAuthenticationFilter.bearer(request).orElse("").getBytes(StandardCharsets.UTF_8);
        if (adminToken.length == 0 || !MessageDigest.isEqual(presented, adminToken)) {
            response.setHeader("WWW-Authenticate", "Bearer");
            errors.write(response, ApiException.unauthorized("the admin API needs the operator token"));
            return;
        }
        chain.doFilter(request, response);
    }
}
