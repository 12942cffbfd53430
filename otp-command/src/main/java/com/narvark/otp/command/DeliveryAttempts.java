package com.narvark.otp.command;

import com.narvark.otp.api.Channel;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The delivery steps of one OTP: attempt 0 is the primary channel, attempt n the n-th fallback. Knows which carrier
 * outcomes were already recorded so that carriers repeating themselves change nothing.
 */
final class DeliveryAttempts {

    enum Outcome { DISPATCHED, DELIVERED, READ, FAILED }

    private final List<Channel> channels;
    private final List<Set<Outcome>> outcomes = new ArrayList<>();

    DeliveryAttempts(Channel primary, List<Channel> fallback) {
        this.channels = new ArrayList<>();
        channels.add(primary);
        channels.addAll(fallback);
        channels.forEach(c -> outcomes.add(EnumSet.noneOf(Outcome.class)));
    }

    boolean matches(int attempt, Channel channel) {
        return attempt >= 0 && attempt < channels.size() && channels.get(attempt) == channel;
    }

    boolean has(int attempt, Outcome outcome) {
        return outcomes.get(attempt).contains(outcome);
    }

    void record(int attempt, Outcome outcome) {
        outcomes.get(attempt).add(outcome);
    }

    boolean isLast(int attempt) {
        return attempt == channels.size() - 1;
    }
}
