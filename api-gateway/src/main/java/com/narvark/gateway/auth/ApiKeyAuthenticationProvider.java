package com.narvark.gateway.auth;

import com.narvark.accounts.KeyAuthentication;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/**
 * Checks an API key through the accounts module: well-formed, known by its hash, active and not revoked, and of the
 * environment its prefix names. Every failure is the same exception, so the answer never tells which case it was.
 */
final class ApiKeyAuthenticationProvider implements AuthenticationProvider {

    private final KeyAuthentication keys;

    ApiKeyAuthenticationProvider(KeyAuthentication keys) {
        this.keys = keys;
    }

    @Override
    public Authentication authenticate(Authentication presented) {
        String key = ((BearerToken) presented).getCredentials();
        return keys.authenticate(key)
                .map(found -> new ApiKeyAuthentication(new Caller(found.accountId(), found.livemode(), found.keyId()),
                        found.rateLimit(), found.accountPerMinute()))
                .orElseThrow(() -> new BadCredentialsException("not a valid API key"));
    }

    @Override
    public boolean supports(Class<?> type) {
        return BearerToken.class.isAssignableFrom(type);
    }
}
