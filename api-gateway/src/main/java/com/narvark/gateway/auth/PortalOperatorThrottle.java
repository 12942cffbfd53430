package com.narvark.gateway.auth;

import com.narvark.portal.OperatorSignInThrottle;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/**
 * The portal's operator sign-in guesses the same credential as the admin API, so it is throttled by the same
 * {@link CredentialThrottle}, on a surface of its own (its failures are counted and shown apart).
 */
@Component
class PortalOperatorThrottle implements OperatorSignInThrottle {

    static final String SIGN_IN_SURFACE = "operator-sign-in";

    private final CredentialThrottle throttle;

    PortalOperatorThrottle(CredentialThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public OptionalLong refusal(HttpServletRequest request) {
        return throttle.refusal(SIGN_IN_SURFACE, request);
    }

    @Override
    public void failed(HttpServletRequest request) {
        throttle.failed(SIGN_IN_SURFACE, request);
    }

    @Override
    public Map<String, Long> failuresLastDay() {
        return throttle.lastDay();
    }
}
