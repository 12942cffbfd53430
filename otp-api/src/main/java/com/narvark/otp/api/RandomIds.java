package com.narvark.otp.api;

import java.util.Random;

/** Lower-case base-32 strings (no i, l, o, u: nothing to misread), 5 random bits per character. */
public final class RandomIds {

    public static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

    private RandomIds() {
    }

    /** @param random a cryptographically strong source: these strings are identifiers and secrets */
    public static String base32(Random random, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(chars);
    }

    /** The first {@code length} × 5 bits of {@code bits} (a digest, say), in the same alphabet. */
    public static String base32(byte[] bits, int length) {
        if (bits.length * 8 < length * 5) {
            throw new IllegalArgumentException("need " + length * 5 + " bits, got " + bits.length * 8);
        }
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            int value = 0;
            for (int bit = i * 5; bit < i * 5 + 5; bit++) {
                value = value << 1 | (bits[bit / 8] >> (7 - bit % 8)) & 1;
            }
            chars[i] = ALPHABET.charAt(value);
        }
        return new String(chars);
    }
}
