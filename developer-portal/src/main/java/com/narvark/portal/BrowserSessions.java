package com.narvark.portal;

import com.narvark.accounts.ApiKeys;
import com.narvark.accounts.PortalSessions;
import com.narvark.accounts.PortalSessions.PortalSession;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The portal's browser sessions (stored by the accounts module's {@link PortalSessions}). Every visitor gets a random cookie (HttpOnly, SameSite=Strict, Secure except in the
 * embedded mode over http); the CSRF token of every form is an HMAC of that cookie under a server key (a
 * synchronizer token bound to the cookie, so even anonymous forms are protected without storing anything). Signing
 * in stores the SHA-256 of a fresh cookie (no fixation) with who signed in; the cookie itself is never stored or
 * logged.
 */
@Component
class BrowserSessions {

    static final String COOKIE = "narvark_portal";
    static final String CSRF_FIELD = "csrf";

    private final PortalSessions sessions;
    private final SecureRandom random;
    private final byte[] csrfKey;
    private final boolean alwaysSecure;

    BrowserSessions(PortalSessions sessions, SecureRandom random, Environment environment,
                    @Value("${narvark.security.code-pepper}") String pepper) {
        this.sessions = sessions;
        this.random = random;
        this.alwaysSecure = !EmbeddedDatabase.isActive(environment);
        // A key of its own, derived from a configured secret: the CSRF tokens then hold across nodes and restarts.
        this.csrfKey = ApiKeys.hash("narvark-portal-csrf:" + pepper);
    }

    /** The visitor's cookie value; a new one (set on the answer) for a first visit. */
    String browser(HttpServletRequest request, HttpServletResponse response) {
        return cookie(request).orElseGet(() -> issueCookie(request, response));
    }

    String csrfToken(String browser) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(csrfKey, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(browser.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** True only if the form's token belongs to this browser's cookie (constant-time comparison). */
    boolean validCsrf(HttpServletRequest request, String token) {
        Optional<String> browser = cookie(request);
        return token != null && browser.isPresent() && MessageDigest.isEqual(
                csrfToken(browser.get()).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    Optional<PortalSession> current(HttpServletRequest request) {
        return cookie(request).flatMap(sessions::find);
    }

    Optional<PortalSession> current(HttpServletRequest request, String kind) {
        return current(request).filter(session -> session.kind().equals(kind));
    }

    /** Replaces the visitor's session (and cookie) with a new one; the old cookie stops meaning anything. */
    void start(HttpServletRequest request, HttpServletResponse response, PortalSession session, Duration lifetime) {
        end(request, response);
        sessions.start(issueCookie(request, response), session, lifetime);
    }

    void end(HttpServletRequest request, HttpServletResponse response) {
        cookie(request).ifPresent(sessions::end);
        sessions.forgetExpired();
    }

    /**
     * Secure whenever a real database is configured: a production gateway sits behind a TLS-terminating proxy, where
     * the request it sees is plain http ({@code isSecure()} false unless server.forward-headers-strategy is set), yet
     * the browser is on https and must never send the cookie over http. Only the embedded mode, on the developer's
     * own http://localhost, follows the request.
     */
    private String issueCookie(HttpServletRequest request, HttpServletResponse response) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, value).path("/portal").httpOnly(true)
                .secure(alwaysSecure || request.isSecure()).sameSite("Strict").build().toString());
        // Later reads in this same request see the new value.
        request.setAttribute(COOKIE, value);
        return value;
    }

    private static Optional<String> cookie(HttpServletRequest request) {
        Object fresh = request.getAttribute(COOKIE);
        if (fresh instanceof String value) {
            return Optional.of(value);
        }
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty() : Arrays.stream(cookies)
                .filter(c -> c.getName().equals(COOKIE) && c.getValue().matches("[A-Za-z0-9_-]{43}"))
                .map(Cookie::getValue).findFirst();
    }
}
