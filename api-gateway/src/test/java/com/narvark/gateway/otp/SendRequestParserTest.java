package com.narvark.gateway.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.narvark.gateway.error.ApiException;
import com.narvark.otp.api.Channel;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SendRequestParserTest {

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", "+447911123456");
        body.put("channel", "sms");
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    @Test
    void shouldApplyTheDocumentedDefaultsWhenOnlyToAndChannelAreGiven() {
        SendRequest request = SendRequestParser.parse(body());
        assertThat(request.ttlSeconds()).isEqualTo(300);
        assertThat(request.codeLength()).isEqualTo(6);
        assertThat(request.fallback()).isEmpty();
        assertThat(request.template()).isNull();
        assertThat(request.metadata()).isEmpty();
        assertThat(request.maxAttempts()).isNull();
    }

    @Test
    void shouldTakeMaxAttemptsWhenItIsBetweenOneAndTen() {
        assertThat(SendRequestParser.parse(body("max_attempts", 1)).maxAttempts()).isEqualTo(1);
        assertThat(SendRequestParser.parse(body("max_attempts", 10)).maxAttempts()).isEqualTo(10);
        for (Object wrong : List.of(0, 11, -1, "5", 2.5, true)) {
            assertThatThrownBy(() -> SendRequestParser.parse(body("max_attempts", wrong)))
                    .isInstanceOfSatisfying(ApiException.class, e ->
                            assertThat(e.body().error().param()).isEqualTo("max_attempts"));
        }
    }

    @Test
    void shouldNormaliseToE164WhenThePhoneIsFormatted() {
        assertThat(SendRequestParser.parse(body("to", "+44 7911 123-456")).to().value()).isEqualTo("+447911123456");
    }

    @Test
    void shouldAcceptAnOrderedFallbackListWhenEachChannelFits() {
        SendRequest request = SendRequestParser.parse(body("channel", "whatsapp", "fallback", List.of("sms", "voice")));
        assertThat(request.fallback()).containsExactly(Channel.SMS, Channel.VOICE);
        assertThat(request.template()).isEqualTo("otp_verification");
    }

    @Test
    void shouldLowerCaseTheDomainWhenTheEmailIsMixedCase() {
        assertThat(SendRequestParser.parse(body("to", "Jane.Doe@Example.COM", "channel", "email")).to().value())
                .isEqualTo("Jane.Doe@example.com");
    }

    static List<Object[]> hostileBodies() {
        Map<String, Object> elevenKeys = new HashMap<>();
        for (int i = 0; i < 11; i++) {
            elevenKeys.put("k" + i, "v");
        }
        return List.of(
                new Object[] {body("channel", "fax"), "channel"},
                new Object[] {body("channel", 7), "channel"},
                new Object[] {body("to", null), "to"},
                new Object[] {body("to", 447911123456L), "to"},
                new Object[] {body("to", "447911123456"), "to"},
                new Object[] {body("to", "+4479"), "to"},
                new Object[] {body("to", "jane@example.com"), "to"},
                new Object[] {body("to", "+447911123456", "channel", "email"), "to"},
                new Object[] {body("to", "Jane <jane@example.com>", "channel", "email"), "to"},
                new Object[] {body("to", "jane@localhost", "channel", "email"), "to"},
                new Object[] {body("ttl", 59), "ttl"},
                new Object[] {body("ttl", 86_401), "ttl"},
                new Object[] {body("ttl", -1), "ttl"},
                new Object[] {body("ttl", 300.5), "ttl"},
                new Object[] {body("ttl", "300"), "ttl"},
                new Object[] {body("ttl", true), "ttl"},
                new Object[] {body("ttl", new BigInteger("99999999999999999999")), "ttl"},
                new Object[] {body("code_length", 5), "code_length"},
                new Object[] {body("code_length", 10), "code_length"},
                new Object[] {body("code_length", "6"), "code_length"},
                new Object[] {body("fallback", "sms"), "fallback"},
                new Object[] {body("fallback", "email"), "fallback"},
                new Object[] {body("fallback", "pigeon"), "fallback"},
                new Object[] {body("fallback", List.of("voice", "voice")), "fallback"},
                new Object[] {body("fallback", List.of("voice", 3)), "fallback"},
                new Object[] {body("fallback", Map.of("a", "b")), "fallback"},
                new Object[] {body("template", "otp_verification"), "template"},
                new Object[] {body("channel", "whatsapp", "template", "Bad Name!"), "template"},
                new Object[] {body("metadata", elevenKeys), "metadata"},
                new Object[] {body("metadata", Map.of("k", 1)), "metadata"},
                new Object[] {body("metadata", Map.of("a key", "v")), "metadata"},
                new Object[] {body("metadata", Map.of("k", "x".repeat(501))), "metadata"},
                new Object[] {body("metadata", List.of("v")), "metadata"},
                new Object[] {body("chanel", "sms"), "chanel"});
    }

    @ParameterizedTest
    @MethodSource("hostileBodies")
    void shouldRefuseWithTheOffendingParamWhenARuleIsBroken(Map<String, Object> body, String param) {
        assertThatThrownBy(() -> SendRequestParser.parse(body))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.body().error().code()).isEqualTo("invalid_request");
                    assertThat(e.body().error().param()).isEqualTo(param);
                });
    }
}
