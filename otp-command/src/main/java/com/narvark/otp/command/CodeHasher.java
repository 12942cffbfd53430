package com.narvark.otp.command;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 of the code under a server-side pepper, bound to the OTP id: a database dump alone cannot be brute
 * forced (10^6 codes would otherwise fall in microseconds), and one OTP's hash says nothing about another's.
 */
public final class CodeHasher {

    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec pepper;

    public CodeHasher(byte[] pepper) {
        if (pepper.length < 32) {
            throw new IllegalArgumentException("the code pepper must be at least 32 bytes");
        }
        this.pepper = new SecretKeySpec(pepper.clone(), ALGORITHM);
    }

    public byte[] hash(String otpId, String code) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(pepper);
            mac.update(otpId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(code.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    /** Constant-time comparison, so response timing reveals nothing about how close a guess was. */
    public boolean matches(String otpId, String candidate, byte[] expectedHash) {
        return MessageDigest.isEqual(hash(otpId, candidate), expectedHash);
    }
}
