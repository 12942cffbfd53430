package com.narvark.otp.command;

import com.narvark.otp.api.Channel;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The delivery steps of one OTP. Each send (the first, then every resend) is a round over the channels in order;
 * attempt {@code round × channels + i} is channel i of that round, so attempt 0 is the primary channel and attempt n
 * of the first round the n-th fallback. Knows which carrier outcomes were already recorded so that carriers
 * repeating themselves change nothing.
 */
final class DeliveryAttempts {

    enum Outcome { DISPATCHED, DELIVERED, READ, FAILED }

    private final List<Channel> channels;
    private final Map<Integer, Set<Outcome>> outcomes = new HashMap<>();
    private int round;

    DeliveryAttempts(Channel primary, List<Channel> fallback) {
        this.channels = new ArrayList<>();
        channels.add(primary);
        channels.addAll(fallback);
    }

    void startRound(int next) {
        round = next;
    }

    boolean matches(int attempt, Channel channel) {
        return attempt >= 0 && attempt < (round + 1) * channels.size()
                && channels.get(attempt % channels.size()) == channel;
    }

    boolean has(int attempt, Outcome outcome) {
        return outcomes.getOrDefault(attempt, Set.of()).contains(outcome);
    }

    void record(int attempt, Outcome outcome) {
        outcomes.computeIfAbsent(attempt, a -> EnumSet.noneOf(Outcome.class)).add(outcome);
    }

    /** The last channel of the current round: when it fails, nothing is left to try. */
    boolean isLast(int attempt) {
        return attempt == (round + 1) * channels.size() - 1;
    }
}
