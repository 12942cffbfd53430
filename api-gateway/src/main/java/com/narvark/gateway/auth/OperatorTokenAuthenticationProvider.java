package com.narvark.gateway.auth;

import com.narvark.accounts.ApiKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The operator credential ({@code narvark.admin.token}) compared in constant time. No token configured, no operator
 * access. The authenticated name is {@code operator-token:} and the first 8 hex digits of the token's SHA-256: what
 * the audit trail records as "which credential", identifying a rotated token without revealing anything of it.
 */
final class OperatorTokenAuthenticationProvider implements AuthenticationProvider {

    static final String ROLE = "OPERATOR";

    private final byte[] token;
    private final String name;

    OperatorTokenAuthenticationProvider(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.name = "operator-token:" + HexFormat.of().formatHex(ApiKeys.hash(token)).substring(0, 8);
    }

    @Override
    public Authentication authenticate(Authentication presented) {
        byte[] candidate = ((BearerToken) presented).getCredentials().getBytes(StandardCharsets.UTF_8);
        if (token.length == 0 || !MessageDigest.isEqual(candidate, token)) {
            throw new BadCredentialsException("not the operator token");
        }
        return UsernamePasswordAuthenticationToken.authenticated(name, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
    }

    @Override
    public boolean supports(Class<?> type) {
        return BearerToken.class.isAssignableFrom(type);
    }
}
