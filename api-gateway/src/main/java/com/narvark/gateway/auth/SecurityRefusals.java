package com.narvark.gateway.auth;

import com.narvark.gateway.error.ApiException;
import com.narvark.gateway.error.ErrorWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * Every answer Spring Security gives, in the API's error shape ({@code Request-Id} is already on the response: its
 * filter runs before the security chain). One 401 per surface whatever was wrong with the credential.
 */
@Component
public class SecurityRefusals {

    private final ErrorWriter errors;

    SecurityRefusals(ErrorWriter errors) {
        this.errors = errors;
    }

    /** A missing credential (entry point) and a wrong one (failure handler) answer exactly alike. */
    public Unauthorized unauthorized(String message) {
        return new Unauthorized(errors, message);
    }

    public AccessDeniedHandler forbidden() {
        return (request, response, denied) -> errors.write(response,
                new ApiException(HttpStatus.FORBIDDEN, "forbidden", "this credential may not do that", null));
    }

    /** Routes no rule names: refused as if they did not exist. */
    public AuthenticationEntryPoint notFound() {
        return (request, response, missing) -> errors.write(response, ApiException.notFound("no such resource"));
    }

    /** The firewall's refusals: path parameters, encoded characters, {@code //}, {@code ..}, control characters. */
    public RequestRejectedHandler rejected() {
        return (request, response, rejected) -> errors.write(response, ApiException.invalid(null,
                "the request path or a header is not in canonical form (no ';', '%', '//', '..', '\\' or control "
                        + "characters in paths)"));
    }

    /** Both halves of one 401: no credential, or a credential that failed. */
    public record Unauthorized(ErrorWriter errors, String message)
            implements AuthenticationEntryPoint, AuthenticationFailureHandler {

        @Override
        public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException cause)
                throws IOException {
            response.setHeader("WWW-Authenticate", "Bearer");
            errors.write(response, ApiException.unauthorized(message));
        }

        @Override
        public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                            AuthenticationException cause) throws IOException {
            commence(request, response, cause);
        }
    }
}
