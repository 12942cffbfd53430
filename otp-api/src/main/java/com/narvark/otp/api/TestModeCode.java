package com.narvark.otp.api;

/**
 * The documented, predictable code of every test-environment OTP, so customers can script their integration tests:
 * the first {@code codeLength} digits of "12345678" (1234, 123456 or 12345678).
 */
public final class TestModeCode {

    private static final String DIGITS = "12345678";

    private TestModeCode() {
    }

    public static String forLength(int codeLength) {
        return DIGITS.substring(0, codeLength);
    }
}
