package com.narvark.otp.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OtpIdTest {

    @Test
    void shouldNameTheSameWellFormedOtpWhenTheDigestIsTheSame() {
        byte[] digest = new byte[32];
        digest[0] = (byte) 0b1111_1000;
        digest[1] = (byte) 0b0010_0000;
        String id = OtpId.fromDigest(digest);
        assertThat(id).isEqualTo(OtpId.fromDigest(digest.clone()));
        assertThat(OtpId.isWellFormed(id)).isTrue();
        // 11111 → 'z' (31), 00000 → '0', 10000 → 'g' (16): the bits are read most significant first.
        assertThat(id).startsWith("otp_z0g");
    }

    @Test
    void shouldDifferWhenOneBitOfTheDigestDiffers() {
        Set<String> ids = new HashSet<>();
        for (int bit = 0; bit < 130; bit++) {
            byte[] digest = new byte[32];
            digest[bit / 8] ^= (byte) (0x80 >> bit % 8);
            ids.add(OtpId.fromDigest(digest));
        }
        assertThat(ids).hasSize(130);
    }

    @Test
    void shouldRefuseWhenTheDigestIsTooShort() {
        assertThatThrownBy(() -> OtpId.fromDigest(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
