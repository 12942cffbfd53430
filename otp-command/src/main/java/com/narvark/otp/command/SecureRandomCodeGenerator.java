package com.narvark.otp.command;

import java.security.SecureRandom;

/** Each digit is drawn uniformly from 0-9 ({@code nextInt(10)} has no modulo bias). */
final class SecureRandomCodeGenerator implements CodeGenerator {

    private final SecureRandom random;

    SecureRandomCodeGenerator(SecureRandom random) {
        this.random = random;
    }

    @Override
    public String generate(int length) {
        char[] digits = new char[length];
        for (int i = 0; i < length; i++) {
            digits[i] = (char) ('0' + random.nextInt(10));
        }
        return new String(digits);
    }
}
