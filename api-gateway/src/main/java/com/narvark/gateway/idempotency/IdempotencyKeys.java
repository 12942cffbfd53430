package com.narvark.gateway.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/** Which requests take an Idempotency-Key, what a well-formed key is, and a request's fingerprint. */
final class IdempotencyKeys {

    static final String HEADER = "Idempotency-Key";
    private static final Pattern CREATING = Pattern.compile("/v1/otp/send|/v1/webhook_endpoints|/v1/otp/[^/]+/(resend|cancel)");
    private static final Pattern WELL_FORMED = Pattern.compile("[\\x21-\\x7e]{1,255}");

    private IdempotencyKeys() {
    }

    static boolean applies(String method, String path) {
        return "POST".equals(method) && CREATING.matcher(path).matches();
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
