package com.narvark.gateway.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The receiver's side of the README's verification recipe, written from the documentation, not the sender. */
public final class WebhookSignatures {

    private WebhookSignatures() {
    }

    /** Whether any of the comma-separated {@code X-Narvark-Signature} values is the body's HMAC under the secret. */
    public static boolean narvarkValid(String secret, byte[] body, String header) {
        byte[] expected = HexFormat.of().formatHex(hmac(secret, body)).getBytes(StandardCharsets.US_ASCII);
        return header != null && Arrays.stream(header.split(","))
                .anyMatch(v -> MessageDigest.isEqual(expected, v.trim().getBytes(StandardCharsets.US_ASCII)));
    }

    /** Whether any {@code v1,…} of {@code webhook-signature} signs {@code id.timestamp.body} under the secret. */
    public static boolean standardValid(String secret, String id, String timestamp, byte[] body, String header) {
        byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = Arrays.copyOf(prefix, prefix.length + body.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        byte[] expected = ("v1," + Base64.getEncoder().encodeToString(hmac(secret, signed)))
                .getBytes(StandardCharsets.US_ASCII);
        return header != null && Arrays.stream(header.split(" "))
                .anyMatch(v -> MessageDigest.isEqual(expected, v.getBytes(StandardCharsets.US_ASCII)));
    }

    private static byte[] hmac(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())),
                    "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
