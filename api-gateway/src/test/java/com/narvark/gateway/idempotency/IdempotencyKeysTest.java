package com.narvark.gateway.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class IdempotencyKeysTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldApplyOnlyWhenAPostCreatesSomething() {
        assertThat(applies("POST", "/v1/otp/send")).isTrue();
        assertThat(applies("POST", "/v1/webhook_endpoints")).isTrue();
        assertThat(applies("POST", "/v1/otp/otp_abc/resend")).isTrue();
        assertThat(applies("POST", "/v1/otp/otp_abc/cancel")).isTrue();
        assertThat(applies("GET", "/v1/otp/send")).isFalse();
        assertThat(applies("POST", "/v1/otp/verify")).isFalse();
        assertThat(applies("POST", "/v1/otp/send/")).isFalse();
    }

    private static boolean applies(String method, String path) {
        return IdempotencyKeys.CREATING.matches(new MockHttpServletRequest(method, path));
    }

    @Test
    void shouldDifferWhenBodyPathOrMethodDiffer() {
        byte[] send = IdempotencyKeys.fingerprint("POST", "/v1/otp/send", bytes("{\"a\":1}"));
        assertThat(IdempotencyKeys.fingerprint("POST", "/v1/otp/send", bytes("{\"a\":1}"))).isEqualTo(send);
        assertThat(IdempotencyKeys.fingerprint("POST", "/v1/otp/send", bytes("{\"a\":2}"))).isNotEqualTo(send);
        assertThat(IdempotencyKeys.fingerprint("POST", "/v1/webhook_endpoints", bytes("{\"a\":1}")))
                .isNotEqualTo(send);
        assertThat(IdempotencyKeys.fingerprint("PUT", "/v1/otp/send", bytes("{\"a\":1}"))).isNotEqualTo(send);
    }

    @Test
    void shouldAcceptOnlyPrintableAsciiWhenCheckingTheKey() {
        assertThat(IdempotencyKeys.isWellFormed("order-42_retry.1")).isTrue();
        assertThat(IdempotencyKeys.isWellFormed("x".repeat(255))).isTrue();
        assertThat(IdempotencyKeys.isWellFormed("x".repeat(256))).isFalse();
        assertThat(IdempotencyKeys.isWellFormed("")).isFalse();
        assertThat(IdempotencyKeys.isWellFormed("a b")).isFalse();
        assertThat(IdempotencyKeys.isWellFormed("é")).isFalse();
    }
}
