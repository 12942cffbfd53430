package com.narvark.otp.api.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private final SecretCipher cipher = new SecretCipher(key(7), new SecureRandom());

    @Test
    void shouldRoundTripWhenOpenedForTheSameOwner() {
        byte[] sealed = cipher.encrypt("492817", "otp_a");
        assertThat(cipher.decrypt(sealed, "otp_a")).isEqualTo("492817");
    }

    @Test
    void shouldUseAFreshNonceWhenTheSameCodeIsSealedTwice() {
        assertThat(cipher.encrypt("492817", "otp_a")).isNotEqualTo(cipher.encrypt("492817", "otp_a"));
    }

    @Test
    void shouldRefuseWhenTheCiphertextIsMovedToAnotherOwner() {
        byte[] sealed = cipher.encrypt("492817", "otp_a");
        assertThatThrownBy(() -> cipher.decrypt(sealed, "otp_b")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRefuseWhenTheCiphertextWasTamperedWith() {
        byte[] sealed = cipher.encrypt("492817", "otp_a");
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(sealed, "otp_a")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldNameTheKeyWhenAnotherKeyIsConfigured() {
        byte[] sealed = cipher.encrypt("492817", "otp_a");
        SecretCipher other = new SecretCipher(key(8), new SecureRandom());
        assertThatThrownBy(() -> other.decrypt(sealed, "otp_a")).hasMessageContaining("sealed under key");
    }

    @Test
    void shouldRefuseKeysThatAreNotAes256() {
        assertThatThrownBy(() -> new SecretCipher(new byte[16], new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] key(int value) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) value);
        return key;
    }
}
