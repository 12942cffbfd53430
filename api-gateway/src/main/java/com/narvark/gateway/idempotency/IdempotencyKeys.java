package com.narvark.gateway.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/** Which requests take an Idempotency-Key, what a well-formed key is, and a request's fingerprint. */
final class IdempotencyKeys {

    static final String HEADER = "Idempotency-Key";
    /** The POSTs that create something, matched on the parsed path as the security rules and routes are. */
    static final RequestMatcher CREATING = new OrRequestMatcher(Stream.of("/v1/otp/send", "/v1/webhook_endpoints",
                    "/v1/otp/{id}/resend", "/v1/otp/{id}/cancel")
            .map(path -> (RequestMatcher) PathPatternRequestMatcher.pathPattern(HttpMethod.POST, path)).toList());
    private static final Pattern WELL_FORMED = Pattern.compile("[\\x21-\\x7e]{1,255}");

    private IdempotencyKeys() {
    }

    static boolean isWellFormed(String key) {
        return WELL_FORMED.matcher(key).matches();
    }

    /** SHA-256 over method, path and the raw body: a body differing by one byte is another request. */
    static byte[] fingerprint(String method, String path, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((method + "\n" + path + "\n").getBytes(StandardCharsets.UTF_8));
            return sha.digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
