package com.narvark.accounts;

import com.narvark.otp.api.RandomIds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * The API key format: {@code nvk_test_sk_} or {@code nvk_live_sk_}, then 32 base-32 characters (160 random bits).
 * Keys carry enough entropy that a plain SHA-256 is a safe way to store and look them up.
 */
public final class ApiKeys {

    private static final int SECRET_LENGTH = 32;
    private static final Pattern WELL_FORMED =
            Pattern.compile("nvk_(test|live)_sk_[" + RandomIds.ALPHABET + "]{" + SECRET_LENGTH + "}");
    private static final int HINT_LENGTH = "nvk_live_sk_".length() + 4;

    private ApiKeys() {
    }

    public static String generate(boolean livemode, Random random) {
        return (livemode ? "nvk_live_sk_" : "nvk_test_sk_") + RandomIds.base32(random, SECRET_LENGTH);
    }

    public static boolean isWellFormed(String key) {
        return key != null && WELL_FORMED.matcher(key).matches();
    }

    public static boolean isLive(String key) {
        return key.startsWith("nvk_live_");
    }

    public static String hint(String key) {
        return key.substring(0, HINT_LENGTH) + "…";
    }

    public static byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
