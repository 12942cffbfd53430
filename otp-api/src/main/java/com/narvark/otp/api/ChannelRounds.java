package com.narvark.otp.api;

import java.util.ArrayList;
import java.util.List;

/**
 * How one OTP's attempt numbers map onto its channels: each send (the first, then every resend) is a round over the
 * channels in order, primary first, and attempt {@code round × channels + step} is channel {@code step} of that
 * round. Attempt numbers travel in the delivery commands and events, so the aggregate (which records outcomes) and
 * the delivery process (which picks the next channel) must number alike: both read them through this one class.
 */
public final class ChannelRounds {

    private static final ChannelRounds NONE = new ChannelRounds(List.of());

    private final List<Channel> channels;

    private ChannelRounds(List<Channel> channels) {
        this.channels = List.copyOf(channels);
    }

    public static ChannelRounds of(Channel primary, List<Channel> fallback) {
        List<Channel> channels = new ArrayList<>();
        channels.add(primary);
        channels.addAll(fallback);
        return new ChannelRounds(channels);
    }

    /** The channels in order, as the OTP's events or a stored process list them. */
    public static ChannelRounds of(List<Channel> channels) {
        return new ChannelRounds(channels);
    }

    /** An OTP that was never sent (a refused send): no attempt of any round exists. */
    public static ChannelRounds none() {
        return NONE;
    }

    public List<Channel> channels() {
        return channels;
    }

    /** The attempt's place in its round: 0 for the primary channel, n for the n-th fallback. */
    public int step(int attempt) {
        return attempt % channels.size();
    }

    public Channel channel(int attempt) {
        return channels.get(step(attempt));
    }

    public int firstAttempt(int round) {
        return round * channels.size();
    }

    public int lastAttempt(int round) {
        return firstAttempt(round + 1) - 1;
    }

    /** True when the attempt's round still has a channel after it (its fallback). */
    public boolean hasNextChannel(int attempt) {
        return step(attempt) + 1 < channels.size();
    }

    /** True when the attempt exists by round {@code round} and went to {@code channel}. */
    public boolean exists(int attempt, int round, Channel channel) {
        return attempt >= 0 && attempt <= lastAttempt(round) && channel(attempt) == channel;
    }
}
