package com.narvark.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimitDecisionTest {

    @Test
    void shouldLeaveTheWholeLimitLessOneWhenTheFirstRequestArrives() {
        RateLimitDecision first = RateLimitDecision.of(true, 1000, 60_000);
        assertThat(first.remaining()).isEqualTo(999);
        assertThat(first.resetSeconds()).isEqualTo(1);
        assertThat(first.retryAfterSeconds()).isZero();
    }

    @Test
    void shouldLeaveNothingWhenTheBucketIsFull() {
        RateLimitDecision last = RateLimitDecision.of(true, 3, 60_000_000);
        assertThat(last.remaining()).isZero();
        assertThat(last.resetSeconds()).isEqualTo(60);
    }

    @Test
    void shouldAskToRetryWhenOneIntervalHasDrainedWhenRefused() {
        // Three a minute: one slot frees every 20 s; the bucket is 59.5 s ahead, so one frees in 19.5 s.
        RateLimitDecision refused = RateLimitDecision.of(false, 3, 59_500_000);
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfterSeconds()).isEqualTo(20);
        assertThat(refused.resetSeconds()).isEqualTo(60);
    }

    @Test
    void shouldAskForAtLeastOneSecondWhenRefusedJustBeforeASlotFrees() {
        assertThat(RateLimitDecision.of(false, 1000, 59_990_000).retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void shouldNeverReportNegativeOrExcessRemainingWhenTheLimitWasLowered() {
        assertThat(RateLimitDecision.of(true, 10, 120_000_000).remaining()).isZero();
        assertThat(RateLimitDecision.of(true, 10, -5).remaining()).isEqualTo(10);
    }
}
