package com.narvark.otp.api;

import java.util.Random;
import java.util.regex.Pattern;

/** OTP identifiers: {@code otp_} followed by 26 base-32 characters carrying 130 random bits. */
public final class OtpId {

    private static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
    private static final int LENGTH = 26;
    private static final Pattern WELL_FORMED = Pattern.compile("otp_[" + ALPHABET + "]{" + LENGTH + "}");

    private OtpId() {
    }

    /** @param random a cryptographically strong source; ids must not be guessable */
    public static String generate(Random random) {
        StringBuilder id = new StringBuilder("otp_");
        for (int i = 0; i < LENGTH; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    public static boolean isWellFormed(String candidate) {
        return candidate != null && WELL_FORMED.matcher(candidate).matches();
    }
}
