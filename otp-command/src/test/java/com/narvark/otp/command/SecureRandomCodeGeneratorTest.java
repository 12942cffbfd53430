package com.narvark.otp.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class SecureRandomCodeGeneratorTest {

    private final SecureRandomCodeGenerator generator = new SecureRandomCodeGenerator(new SecureRandom());

    @Test
    void shouldProduceOnlyDigitsOfTheRequestedLengthWhenAsked() {
        for (int length : new int[] {4, 6, 8}) {
            assertThat(generator.generate(length)).hasSize(length).containsOnlyDigits();
        }
    }

    /** Chi-square over 800,000 digits, 9 degrees of freedom: 27.88 is the 0.1 % critical value. */
    @Test
    void shouldDrawDigitsUniformlyWhenManyCodesAreGenerated() {
        long[] counts = new long[10];
        int codes = 100_000;
        for (int i = 0; i < codes; i++) {
            for (char digit : generator.generate(8).toCharArray()) {
                counts[digit - '0']++;
            }
        }
        double expected = codes * 8 / 10.0;
        double chiSquare = 0;
        for (long count : counts) {
            chiSquare += Math.pow(count - expected, 2) / expected;
        }
        assertThat(chiSquare).isLessThan(27.88);
    }
}
