package com.narvark.otp.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Both signatures of a webhook, under every secret currently signing (two during a rotation). The HMAC key is the
 * base64-decoded part of a {@code whsec_} secret, as Standard Webhooks defines it, for both headers alike.
 */
final class WebhookSigner {

    static final String SECRET_PREFIX = "whsec_";

    private WebhookSigner() {
    }

    /** {@code X-Narvark-Signature}: hex HMAC-SHA256 of the raw body, comma-separated when several secrets sign. */
    static String narvarkSignature(List<String> secrets, byte[] body) {
        return secrets.stream().map(secret -> HexFormat.of().formatHex(hmac(key(secret), body)))
                .collect(Collectors.joining(","));
    }

    /** {@code webhook-signature}: {@code v1,<base64 HMAC of id.timestamp.body>}, space-separated. */
    static String standardSignature(List<String> secrets, String webhookId, long timestamp, byte[] body) {
        byte[] prefix = (webhookId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return secrets.stream().map(secret -> "v1," + Base64.getEncoder().encodeToString(hmac(key(secret), signed)))
                .collect(Collectors.joining(" "));
    }

    static byte[] key(String secret) {
        if (!secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("webhook secrets start with " + SECRET_PREFIX);
        }
        return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
