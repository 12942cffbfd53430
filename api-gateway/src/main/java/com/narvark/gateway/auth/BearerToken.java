package com.narvark.gateway.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A presented {@code Authorization: Bearer …} credential, not yet checked by any provider. */
final class BearerToken extends AbstractAuthenticationToken {

    private static final String PREFIX = "Bearer ";

    private final String token;

    private BearerToken(String token) {
        super(List.of());
        this.token = token;
    }

    /** The request's bearer credential, or null when it presents none (then the chain answers 401 itself). */
    static BearerToken from(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return null;
        }
        return new BearerToken(header.substring(PREFIX.length()).trim());
    }

    @Override
    public String getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return null;
    }

    @Override
    public String toString() {
        return "BearerToken[redacted]";
    }
}
