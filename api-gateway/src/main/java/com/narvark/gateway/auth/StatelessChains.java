package com.narvark.gateway.auth;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;

/**
 * What every chain of the gateway shares. The developer portal's chain (PortalSecurity) states the same settings
 * itself, as the portal depends on no gateway code.
 */
public final class StatelessChains {

    private StatelessChains() {
    }

    /**
     * Credentials on every request (bearer tokens, the portal's own cookie): no HTTP session, no saved requests, no
     * login or logout pages. CSRF is off here because no chain authenticates by an ambient browser credential that
     * Spring Security manages; the portal's forms carry their own synchronizer token, checked by each handler.
     */
    public static HttpSecurity prepare(HttpSecurity http) throws Exception {
        return http.csrf(csrf -> csrf.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    }
}
