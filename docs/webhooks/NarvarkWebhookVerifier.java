/*
 * Verifies Narvark webhooks. Copy this file into your project (Java 17+, no dependencies) and call
 * NarvarkWebhookVerifier.verify(...) with the RAW request body bytes, before parsing the JSON.
 *
 *   NarvarkWebhookVerifier verifier = new NarvarkWebhookVerifier(System.getenv("NARVARK_WEBHOOK_SECRET"));
 *   if (!verifier.verify(body, request.getHeader("webhook-id"), request.getHeader("webhook-timestamp"),
 *           request.getHeader("webhook-signature"), request.getHeader("X-Narvark-Signature"))) {
 *       return 400;   // not from Narvark, altered, or replayed
 *   }
 *   // deduplicate on the payload's "id" (= webhook-id): an event can arrive more than once
 */

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public final class NarvarkWebhookVerifier {

    /** How far webhook-timestamp may be from now; older messages are refused as possible replays. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final byte[] key;
    private final Clock clock;

    /** @param secret the endpoint's secret, {@code whsec_…} */
    public NarvarkWebhookVerifier(String secret) {
        this(secret, Clock.systemUTC());
    }

    public NarvarkWebhookVerifier(String secret, Clock clock) {
        if (secret == null || !secret.startsWith("whsec_")) {
            throw new IllegalArgumentException("the secret starts with whsec_");
        }
        // The HMAC key is the base64-decoded part after "whsec_", for both signatures.
        this.key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        this.clock = clock;
    }

    /**
     * True when the Standard Webhooks signature is valid and recent and, if present, X-Narvark-Signature matches
     * too. During a secret rotation Narvark signs with both secrets: one matching signature is enough.
     */
    public boolean verify(byte[] rawBody, String webhookId, String webhookTimestamp, String webhookSignature,
                          String narvarkSignature) {
        if (rawBody == null || webhookId == null || webhookTimestamp == null || webhookSignature == null) {
            return false;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(webhookTimestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(clock.instant().getEpochSecond() - timestamp) > TOLERANCE.toSeconds()) {
            return false;
        }
        byte[] prefix = (webhookId + "." + webhookTimestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefix.length + rawBody.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(rawBody, 0, signed, prefix.length, rawBody.length);
        byte[] expected = ("v1," + Base64.getEncoder().encodeToString(hmac(signed)))
                .getBytes(StandardCharsets.US_ASCII);
        if (!anyMatches(expected, webhookSignature.split(" "))) {
            return false;
        }
        return narvarkSignature == null || verifyNarvarkSignature(rawBody, narvarkSignature);
    }

    /** X-Narvark-Signature alone: hex HMAC-SHA256 of the raw body; several comma-separated during a rotation. */
    public boolean verifyNarvarkSignature(byte[] rawBody, String narvarkSignature) {
        byte[] expected = HexFormat.of().formatHex(hmac(rawBody)).getBytes(StandardCharsets.US_ASCII);
        return narvarkSignature != null && anyMatches(expected, narvarkSignature.split(","));
    }

    private static boolean anyMatches(byte[] expected, String[] candidates) {
        boolean matched = false;
        for (String candidate : candidates) {
            // Constant-time comparison: timing must not reveal how much of a forged signature was right.
            matched |= MessageDigest.isEqual(expected, candidate.trim().getBytes(StandardCharsets.US_ASCII));
        }
        return matched;
    }

    private byte[] hmac(byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
