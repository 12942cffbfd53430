package com.narvark.portal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The portal's chain: a browser is authenticated by its portal session cookie (the session row says operator or
 * member), and the rules say which pages need which. The handlers still read the session for who it is and check
 * each form's CSRF token; this chain makes sure no page of the console or the operator view runs without one.
 */
@Configuration
class PortalSecurity {

    private static final String OPERATOR = "PORTAL_OPERATOR";
    private static final String MEMBER = "PORTAL_MEMBER";
    private static final RequestMatcher OPERATOR_PAGES = PathPatternRequestMatcher.pathPattern("/portal/operator/**");

    @Bean
    @Order(50)
    SecurityFilterChain portal(HttpSecurity http, BrowserSessions sessions, PortalPages pages) throws Exception {
        // As every chain of the application: credentials on every request, no HTTP session, no saved requests, no
        // login or logout pages. Spring Security's CSRF is off because the cookie is the portal's own, not one it
        // manages; each form carries the portal's synchronizer token, checked by its handler.
        http.csrf(csrf -> csrf.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(management -> management.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityMatcher("/portal/**")
                .addFilterAt(new SessionCookieAuthentication(sessions), BasicAuthenticationFilter.class)
                .exceptionHandling(refused -> refused.authenticationEntryPoint(signInFirst(pages))
                        .accessDeniedHandler((request, response, denied) -> signInFirst(pages)
                                .commence(request, response, null)))
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(HttpMethod.GET, "/portal/portal.css", "/portal/access", "/portal/sign-in",
                                "/portal/sign-in/code", "/portal/welcome/*", "/portal/operator").permitAll()
                        .requestMatchers(HttpMethod.POST, "/portal/access", "/portal/sign-in", "/portal/sign-in/code",
                                "/portal/sign-out", "/portal/welcome/*", "/portal/operator/sign-in").permitAll()
                        .requestMatchers("/portal/operator/**").hasRole(OPERATOR)
                        .requestMatchers("/portal/console", "/portal/console/**").hasRole(MEMBER)
                        .anyRequest().denyAll());
        return http.build();
    }

    /** A page needing a session: pages go to the sign-in form; forms get the same refusal as a stale CSRF token. */
    private static AuthenticationEntryPoint signInFirst(PortalPages pages) {
        return (request, response, missing) -> {
            if (!"GET".equals(request.getMethod())) {
                write(response, pages.forbidden());
            } else {
                response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                response.setHeader("Location", OPERATOR_PAGES.matches(request) ? "/portal/operator"
                        : "/portal/sign-in");
            }
        };
    }

    private static void write(HttpServletResponse response, ResponseEntity<String> page)
            throws IOException {
        response.setStatus(page.getStatusCode().value());
        page.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.getWriter().write(page.getBody());
    }

    /** Reads the session cookie once per request; no cookie or an expired session stays anonymous. */
    private static final class SessionCookieAuthentication extends OncePerRequestFilter {

        private final BrowserSessions sessions;

        SessionCookieAuthentication(BrowserSessions sessions) {
            this.sessions = sessions;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            sessions.current(request).filter(s -> !s.kind().equals("pending")).ifPresent(session -> {
                String role = session.kind().equals("operator") ? OPERATOR : MEMBER;
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(session.actor(), null,
                        List.of(new SimpleGrantedAuthority("ROLE_" + role))));
                SecurityContextHolder.setContext(context);
            });
            chain.doFilter(request, response);
        }
    }
}
