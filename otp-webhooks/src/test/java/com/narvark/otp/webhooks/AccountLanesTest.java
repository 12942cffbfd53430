package com.narvark.otp.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-account cap, driven by hand: lanes are run on the test thread when the test says so. */
class AccountLanesTest {

    private final AccountLanes lanes = new AccountLanes(2);
    private final List<String> ran = new ArrayList<>();

    @Test
    void shouldOpenAtMostCapLanesPerAccountAndRunTheRestInThemInOrder() {
        Runnable first = lanes.add("acct_a", () -> ran.add("a1"));
        Runnable second = lanes.add("acct_a", () -> ran.add("a2"));
        Runnable third = lanes.add("acct_a", () -> ran.add("a3"));
        Runnable fourth = lanes.add("acct_a", () -> ran.add("a4"));
        Runnable other = lanes.add("acct_b", () -> ran.add("b1"));

        assertThat(first).isNotNull();
        assertThat(second).isNotNull();
        assertThat(third).isNull();
        assertThat(fourth).isNull();
        assertThat(other).isNotNull();
        assertThat(lanes.full()).containsExactly("acct_a");

        first.run();

        // The first lane ran every waiting batch and ended; the second, not yet run, finds none and ends too.
        assertThat(ran).containsExactly("a1", "a2", "a3", "a4");
        assertThat(lanes.full()).isEmpty();
        second.run();
        assertThat(ran).hasSize(4);
        other.run();
        assertThat(ran).containsExactly("a1", "a2", "a3", "a4", "b1");
    }

    @Test
    void shouldGoOnAndFreeTheLanesWhenABatchThrows() {
        Runnable first = lanes.add("acct_a", () -> {
            throw new IllegalStateException("storage down");
        });
        Runnable second = lanes.add("acct_a", () -> ran.add("a2"));
        lanes.add("acct_a", () -> ran.add("a3"));

        first.run();
        second.run();

        assertThat(ran).containsExactly("a2", "a3");
        assertThat(lanes.full()).isEmpty();
        assertThat(lanes.add("acct_a", () -> ran.add("a4"))).isNotNull();
    }
}
