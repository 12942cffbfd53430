package com.narvark.otp.delivery.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.otp.delivery.sms.SmsText;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SmppPartsTest {

    @Test
    void shouldPrefixEveryPartWithAConcatenationHeaderSharingOneReferenceWhenTheTextIsLong() {
        List<byte[]> parts = new SmppParts(new Random(7)).withHeaders(SmsText.of("a".repeat(200)));
        assertThat(parts).hasSize(2);
        byte reference = parts.get(0)[3];
        assertThat(parts.get(0)).startsWith(0x05, 0x00, 0x03, reference, 0x02, 0x01).hasSize(6 + 153);
        assertThat(parts.get(1)).startsWith(0x05, 0x00, 0x03, reference, 0x02, 0x02).hasSize(6 + 47);
    }

    @Test
    void shouldUseANewReferenceWhenTheNextTextIsSplit() {
        SmppParts parts = new SmppParts(new Random(7));
        byte first = parts.withHeaders(SmsText.of("Д".repeat(100))).get(0)[3];
        byte second = parts.withHeaders(SmsText.of("Д".repeat(100))).get(0)[3];
        assertThat(second).isNotEqualTo(first);
    }
}
