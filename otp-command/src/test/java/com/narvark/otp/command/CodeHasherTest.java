package com.narvark.otp.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CodeHasherTest {

    private final CodeHasher hasher = new CodeHasher(new byte[32]);

    @Test
    void shouldMatchOnlyTheRightCodeOfTheSameOtpWhenCompared() {
        byte[] hash = hasher.hash("otp_a", "492817");
        assertThat(hasher.matches("otp_a", "492817", hash)).isTrue();
        assertThat(hasher.matches("otp_a", "492818", hash)).isFalse();
        assertThat(hasher.matches("otp_b", "492817", hash)).isFalse();
    }

    @Test
    void shouldDifferWhenThePepperDiffers() {
        byte[] otherPepper = new byte[32];
        otherPepper[0] = 1;
        assertThat(new CodeHasher(otherPepper).hash("otp_a", "492817")).isNotEqualTo(hasher.hash("otp_a", "492817"));
    }

    @Test
    void shouldRefuseAShortPepperWhenConfigured() {
        assertThatThrownBy(() -> new CodeHasher(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
