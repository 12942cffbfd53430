package com.narvark.otp.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final RetrySchedule defaults = new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(12), 17);
    private final Random random = new SecureRandom();

    @Test
    void shouldDoubleUpToTheCeilingWhenAttemptsKeepFailing() {
        assertThat(defaults.nominalDelay(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.nominalDelay(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(defaults.nominalDelay(11)).isEqualTo(Duration.ofSeconds(30 * 1024));
        assertThat(defaults.nominalDelay(12)).isEqualTo(Duration.ofHours(12));
        assertThat(defaults.nominalDelay(16)).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void shouldSpanAboutThreeDaysWhenEveryAttemptFails() {
        Duration total = Duration.ZERO;
        int attempts = 1;
        while (!defaults.exhausted(attempts)) {
            total = total.plus(defaults.nominalDelay(attempts));
            attempts++;
        }

        assertThat(attempts).isEqualTo(17);
        assertThat(total).isBetween(Duration.ofHours(72), Duration.ofHours(80));
    }

    @Test
    void shouldStayWithinTwentyPercentWhenJittered() {
        for (int i = 0; i < 1000; i++) {
            assertThat(defaults.delay(3, null, random)).isBetween(Duration.ofSeconds(96), Duration.ofSeconds(144));
        }
    }

    @Test
    void shouldWaitForRetryAfterWhenItIsLongerThanTheSchedule() {
        assertThat(defaults.delay(1, Duration.ofMinutes(10), random)).isEqualTo(Duration.ofMinutes(10));
        assertThat(defaults.delay(1, Duration.ofDays(30), random)).isEqualTo(Duration.ofDays(1));
        assertThat(defaults.delay(5, Duration.ofSeconds(1), random)).isGreaterThan(Duration.ofMinutes(6));
    }

    @Test
    void shouldReadSecondsAndHttpDatesWhenParsingRetryAfter() {
        Instant now = Instant.parse("2026-11-26T10:00:00Z");

        assertThat(RetryAfter.parse("120", now)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse("Thu, 26 Nov 2026 10:01:30 GMT", now)).contains(Duration.ofSeconds(90));
        assertThat(RetryAfter.parse("soon", now)).isEqualTo(Optional.empty());
    }
}
