package com.narvark.gateway.auth;

import com.narvark.accounts.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every admin API action that reached a handler goes into the audit trail the operator page lists: which credential
 * (the operator token's fingerprint), what (method and route), on which ids (the route's variables), the answer's
 * status, and when. Refused attempts never get this far; they are counted by {@link CredentialThrottle} instead.
 */
@Configuration
class AdminAudit implements WebMvcConfigurer, HandlerInterceptor {

    private final AuditTrail audit;

    AdminAudit(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/v1/admin/**");
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception failure) {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (who == null || route == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> ids = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String subject = ids == null || ids.isEmpty() ? "-" : new TreeMap<>(ids).entrySet().stream()
                .map(id -> id.getKey() + "=" + id.getValue()).collect(Collectors.joining(" "));
        audit.record(who.getName(), "admin_api " + request.getMethod() + " " + route, subject,
                "answered " + response.getStatus());
    }
}
