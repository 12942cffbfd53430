package com.narvark.otp.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelRoundsTest {

    private final ChannelRounds rounds = ChannelRounds.of(Channel.WHATSAPP, List.of(Channel.SMS, Channel.VOICE));

    @Test
    void shouldNumberEveryRoundOverTheSameChannelsWhenResent() {
        assertThat(rounds.channels()).containsExactly(Channel.WHATSAPP, Channel.SMS, Channel.VOICE);
        assertThat(rounds.firstAttempt(1)).isEqualTo(3);
        assertThat(rounds.lastAttempt(1)).isEqualTo(5);
        assertThat(rounds.channel(4)).isEqualTo(Channel.SMS);
        assertThat(rounds.step(4)).isEqualTo(1);
    }

    @Test
    void shouldOfferTheNextChannelOnlyWithinTheRoundWhenAnAttemptEnds() {
        assertThat(rounds.hasNextChannel(3)).isTrue();
        assertThat(rounds.hasNextChannel(4)).isTrue();
        assertThat(rounds.hasNextChannel(5)).isFalse();
    }

    @Test
    void shouldKnowOnlyAttemptsOfRoundsStartedWhenAskedWhetherOneExists() {
        assertThat(rounds.exists(2, 0, Channel.VOICE)).isTrue();
        assertThat(rounds.exists(2, 0, Channel.SMS)).as("another channel").isFalse();
        assertThat(rounds.exists(3, 0, Channel.WHATSAPP)).as("a round not started").isFalse();
        assertThat(rounds.exists(-1, 0, Channel.VOICE)).isFalse();
    }

    @Test
    void shouldHaveNoAttemptAtAllWhenTheOtpWasNeverSent() {
        assertThat(ChannelRounds.none().exists(0, 0, Channel.SMS)).isFalse();
        assertThat(ChannelRounds.none().channels()).isEmpty();
    }
}
