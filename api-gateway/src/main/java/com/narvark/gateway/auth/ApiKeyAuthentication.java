package com.narvark.gateway.auth;

import com.narvark.accounts.KeyRateLimit;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated API key: the {@link Caller} is the principal controllers receive, beside the key's limit. */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    static final String ROLE = "API_KEY";

    private final Caller caller;
    private final KeyRateLimit rateLimit;
    private final Integer accountPerMinute;

    ApiKeyAuthentication(Caller caller, KeyRateLimit rateLimit, Integer accountPerMinute) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
        this.caller = caller;
        this.rateLimit = rateLimit;
        this.accountPerMinute = accountPerMinute;
        setAuthenticated(true);
    }

    public Caller caller() {
        return caller;
    }

    public KeyRateLimit rateLimit() {
        return rateLimit;
    }

    /** The account's own limit over all its keys; null for the configured default. */
    public Integer accountPerMinute() {
        return accountPerMinute;
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return caller.keyId();
    }
}
