package com.narvark.gateway.auth;

import com.narvark.accounts.ApiKeys;
import com.narvark.accounts.KeyAuthentication;
import com.narvark.gateway.error.ErrorWriter;
import com.narvark.gateway.idempotency.IdempotencyFilter;
import com.narvark.gateway.ratelimit.RateLimitFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Who may call what, decided by Spring Security only (never from the raw request URI). One chain per surface, each
 * matched on the same parsed path Spring MVC routes on: the operator credential for {@code /v1/admin/**} and the
 * actuator, API keys for the rest of {@code /v1/**}; the portal ({@code PortalSecurity}) and otp-delivery's carrier
 * callbacks ({@code CallbackSecurity}, order 40) configure their own. A route no chain names is refused as not found. The firewall in
 * front refuses every non-canonical path before any chain looks at it.
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

    static final String ADMIN_SURFACE = "admin-api";

    private final SecurityRefusals refusals;
    private final ErrorWriter errors;
    private final CredentialThrottle throttle;
    private final OperatorTokenAuthenticationProvider operatorToken;

    SecurityConfiguration(SecurityRefusals refusals, ErrorWriter errors, CredentialThrottle throttle,
                          @Value("${narvark.admin.token:}") String adminToken) {
        this.refusals = refusals;
        this.errors = errors;
        this.throttle = throttle;
        this.operatorToken = new OperatorTokenAuthenticationProvider(adminToken);
    }

    @Bean
    WebSecurityCustomizer firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        // No route takes an encoded character: ids are letters, digits and underscores. Refusing every '%' in the
        // path (the query string is not affected) leaves one spelling per route, the one the rules below name.
        firewall.getEncodedUrlBlocklist().add("%");
        return web -> web.httpFirewall(firewall).requestRejectedHandler(refusals.rejected());
    }

    @Bean
    @Order(10)
    SecurityFilterChain adminApi(HttpSecurity http) throws Exception {
        operatorCredential(StatelessChains.prepare(http).securityMatcher("/v1/admin/**"), ADMIN_SURFACE)
                .authorizeHttpRequests(rules -> rules.anyRequest().hasRole(OperatorTokenAuthenticationProvider.ROLE));
        return http.build();
    }

    @Bean
    @Order(20)
    SecurityFilterChain actuator(HttpSecurity http) throws Exception {
        operatorCredential(StatelessChains.prepare(http).securityMatcher("/actuator/**"), ADMIN_SURFACE)
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .anyRequest().hasRole(OperatorTokenAuthenticationProvider.ROLE));
        return http.build();
    }

    @Bean
    @Order(30)
    SecurityFilterChain apiKeys(HttpSecurity http, KeyAuthentication keys, RateLimitFilter rateLimit,
                                IdempotencyFilter idempotency) throws Exception {
        SecurityRefusals.Unauthorized unauthorized = refusals.unauthorized(
                "a valid API key is required: Authorization: Bearer nvk_test_sk_… or nvk_live_sk_…");
        AuthenticationFilter authenticate = new AuthenticationFilter(
                new ProviderManager(new ApiKeyAuthenticationProvider(keys)), BearerToken::from);
        authenticate.setSuccessHandler((request, response, authentication) -> { });
        authenticate.setFailureHandler(unauthorized);
        StatelessChains.prepare(http).securityMatcher("/v1/**")
                .addFilterAt(authenticate, BasicAuthenticationFilter.class)
                // Only requests that passed authorization are counted and made idempotent, in that order.
                .addFilterAfter(rateLimit, AuthorizationFilter.class)
                .addFilterAfter(idempotency, AuthorizationFilter.class)
                .exceptionHandling(refused -> refused.authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(refusals.forbidden()))
                .authorizeHttpRequests(rules -> rules.anyRequest().hasRole(ApiKeyAuthentication.ROLE));
        return http.build();
    }

    /** Pages and documents that hold no data: the dashboard asks for a key in the browser. */
    @Bean
    @Order(60)
    SecurityFilterChain publicDocuments(HttpSecurity http) throws Exception {
        StatelessChains.prepare(http).securityMatcher("/openapi.yaml", "/dashboard", "/dashboard/**", "/webjars/**")
                .exceptionHandling(refused -> refused.authenticationEntryPoint(refusals.notFound()))
                .authorizeHttpRequests(rules -> rules.requestMatchers(HttpMethod.GET).permitAll()
                        .anyRequest().denyAll());
        return http.build();
    }

    /** Deny by default: anything no chain above names, except the container's own error dispatch. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        StatelessChains.prepare(http)
                .exceptionHandling(refused -> refused.authenticationEntryPoint(refusals.notFound()))
                .authorizeHttpRequests(rules -> rules.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .anyRequest().denyAll());
        return http.build();
    }

    /** The API's filters run inside the API-key chain only, never as servlet filters of every request. */
    @Bean
    FilterRegistrationBean<Filter> rateLimitOnlyInTheApiChain(RateLimitFilter filter) {
        return disabled(filter);
    }

    @Bean
    FilterRegistrationBean<Filter> idempotencyOnlyInTheApiChain(IdempotencyFilter filter) {
        return disabled(filter);
    }

    private static FilterRegistrationBean<Filter> disabled(Filter filter) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    /** The operator token as a bearer credential, with guessing throttled per client address and overall. */
    private HttpSecurity operatorCredential(HttpSecurity http, String surface) throws Exception {
        SecurityRefusals.Unauthorized unauthorized = refusals.unauthorized(
                "this needs the operator token: Authorization: Bearer <narvark.admin.token>");
        AuthenticationFilter authenticate = new AuthenticationFilter(new ProviderManager(operatorToken),
                BearerToken::from);
        authenticate.setSuccessHandler((request, response, authentication) -> { });
        authenticate.setFailureHandler((request, response, failure) -> {
            if (!ApiKeys.isWellFormed(BearerToken.from(request).getCredentials())) {
                throttle.failed(surface, request); // an API key in the wrong place is a mistake, not a guess
            }
            unauthorized.onAuthenticationFailure(request, response, failure);
        });
        return http.addFilterBefore(new CredentialThrottleFilter(throttle, surface, errors),
                        BasicAuthenticationFilter.class)
                .addFilterAt(authenticate, BasicAuthenticationFilter.class)
                .exceptionHandling(refused -> refused.authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(refusals.forbidden()));
    }
}
