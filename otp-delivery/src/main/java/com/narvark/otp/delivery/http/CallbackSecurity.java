package com.narvark.otp.delivery.http;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The Spring Security chain of the carrier callbacks. They carry no API key: each carrier signs its requests and
 * {@link CarrierCallbackController} checks the signature before it records anything. This chain lets exactly the
 * three callback routes through to that check (their bodies bounded by the callback cap); any other method or path
 * under {@code /callbacks} is refused as not found.
 */
@Configuration(proxyBeanMethods = false)
class CallbackSecurity {

    /**
     * Where this chain stands among the application's: its paths are disjoint from the API's (10-30), the portal's
     * (50) and the public documents' (60), so it only has to come before the catch-all chain that refuses the rest.
     */
    static final int ORDER = 40;

    @Bean
    @Order(ORDER)
    SecurityFilterChain carrierCallbacks(HttpSecurity http) throws Exception {
        // Stateless like every chain of the application: no session, no saved request, no login or logout pages, and
        // no CSRF token, since nothing here authenticates by a credential the browser sends on its own.
        http.securityMatcher("/callbacks/**")
                .csrf(csrf -> csrf.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // The container's error page answers in the API's error shape: 404 not_found, as for any unknown path.
                .exceptionHandling(refused -> refused.authenticationEntryPoint((request, response, missing) ->
                        response.sendError(HttpServletResponse.SC_NOT_FOUND)))
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(HttpMethod.POST, "/callbacks/twilio", "/callbacks/whatsapp").permitAll()
                        .requestMatchers(HttpMethod.GET, "/callbacks/whatsapp").permitAll()
                        .anyRequest().denyAll());
        return http.build();
    }
}
