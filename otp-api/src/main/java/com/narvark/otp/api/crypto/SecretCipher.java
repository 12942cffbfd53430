package com.narvark.otp.api.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for the few secrets that must travel through the database but never be readable from it: the code
 * on its way to a carrier, and the sandbox carrier's inbox. The key comes from configuration only.
 * <p>
 * Ciphertext layout: version (1 byte), key id (4 bytes), nonce (12 bytes), ciphertext with its 16-byte tag. The
 * associated data binds a ciphertext to its owner (the OTP or message id), so it cannot be moved to another row.
 */
public final class SecretCipher {

    private static final byte VERSION = 1;
    private static final int KEY_ID_LENGTH = 4;
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final byte[] keyId;
    private final SecureRandom random;

    public SecretCipher(byte[] key, SecureRandom random) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the encryption key must be 32 bytes (AES-256)");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
        this.keyId = Arrays.copyOf(sha256(key), KEY_ID_LENGTH);
        this.random = random;
    }

    public byte[] encrypt(String plaintext, String owner) {
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, nonce, owner, plaintext.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(1 + KEY_ID_LENGTH + NONCE_LENGTH + sealed.length)
                .put(VERSION).put(keyId).put(nonce).put(sealed).array();
    }

    public String decrypt(byte[] ciphertext, String owner) {
        ByteBuffer buffer = ByteBuffer.wrap(ciphertext);
        if (ciphertext.length < 1 + KEY_ID_LENGTH + NONCE_LENGTH || buffer.get() != VERSION) {
            throw new IllegalArgumentException("not a ciphertext of this format");
        }
        byte[] storedKeyId = new byte[KEY_ID_LENGTH];
        buffer.get(storedKeyId);
        if (!MessageDigest.isEqual(storedKeyId, keyId)) {
            throw new IllegalStateException("ciphertext was sealed under key " + HexFormat.of().formatHex(storedKeyId)
                    + ", configured key is " + HexFormat.of().formatHex(keyId));
        }
        byte[] nonce = new byte[NONCE_LENGTH];
        buffer.get(nonce);
        byte[] sealed = new byte[buffer.remaining()];
        buffer.get(sealed);
        return new String(run(Cipher.DECRYPT_MODE, nonce, owner, sealed), StandardCharsets.UTF_8);
    }

    private byte[] run(int mode, byte[] nonce, String owner, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM " + (mode == Cipher.ENCRYPT_MODE ? "sealing" : "opening")
                    + " failed", e);
        }
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
