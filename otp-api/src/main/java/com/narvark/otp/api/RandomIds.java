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
}
