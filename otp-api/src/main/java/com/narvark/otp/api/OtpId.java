package com.narvark.otp.api;

import java.util.Random;
import java.util.regex.Pattern;

/** OTP identifiers: {@code otp_} followed by 26 base-32 characters carrying 130 random bits. */
public final class OtpId {

    private static final int LENGTH = 26;
    private static final Pattern WELL_FORMED = Pattern.compile("otp_[" + RandomIds.ALPHABET + "]{" + LENGTH + "}");

    private OtpId() {
    }

    /** @param random a cryptographically strong source; ids must not be guessable */
    public static String generate(Random random) {
        return "otp_" + RandomIds.base32(random, LENGTH);
    }

    /**
     * The id of an OTP named by a secret digest rather than drawn at random (an idempotent send: the same request
     * under the same key always names the same OTP, so a retry can never create a second). 130 bits of the digest.
     */
    public static String fromDigest(byte[] digest) {
        return "otp_" + RandomIds.base32(digest, LENGTH);
    }

    public static boolean isWellFormed(String candidate) {
        return candidate != null && WELL_FORMED.matcher(candidate).matches();
    }
}
