package com.narvark.otp.command;

import com.narvark.otp.api.message.OtpTransaction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 of the code under a server-side pepper, bound to the OTP id: a database dump alone cannot be brute
 * forced (10^6 codes would otherwise fall in microseconds), and one OTP's hash says nothing about another's.
 * A code sent for a transaction (PSD2 dynamic linking) is bound to it too: the hash covers the transaction's
 * canonical form, so the stored hash itself only verifies for that amount, currency and payee. Without a
 * transaction the bytes hashed are exactly those of the first version, so stored hashes keep verifying.
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
        return hash(otpId, code, null);
    }

    /** @param transaction the payment the code approves, or null */
    public byte[] hash(String otpId, String code, OtpTransaction transaction) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(pepper);
            mac.update(otpId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(code.getBytes(StandardCharsets.UTF_8));
            if (transaction != null) {
                // The NUL cannot occur in a code: "1234" + transaction never hashes like a longer code.
                mac.update((byte) 0);
                mac.update(transaction.canonical().getBytes(StandardCharsets.UTF_8));
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    /** Constant-time comparison, so response timing reveals nothing about how close a guess was. */
    public boolean matches(String otpId, String candidate, byte[] expectedHash) {
        return matches(otpId, candidate, null, expectedHash);
    }

    public boolean matches(String otpId, String candidate, OtpTransaction transaction, byte[] expectedHash) {
        return MessageDigest.isEqual(hash(otpId, candidate, transaction), expectedHash);
    }
}
