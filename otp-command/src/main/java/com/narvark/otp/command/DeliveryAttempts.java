package com.narvark.otp.command;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.ChannelRounds;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The delivery attempts of one OTP, numbered by its {@link ChannelRounds} (the delivery process numbers them the same
 * way). Knows which carrier outcomes were already recorded so that carriers repeating themselves change nothing, and
 * which attempts carried the code that verifies now.
 */
final class DeliveryAttempts {

    enum Outcome { DISPATCHED, DELIVERED, READ, UNCONFIRMED, FAILED }

    private final ChannelRounds rounds;
    private final Map<Integer, Set<Outcome>> outcomes = new HashMap<>();
    private int round;
    /** The first attempt that carried the current code: 0, or the first attempt of a resend with a new code. */
    private int codeSince;

    DeliveryAttempts(ChannelRounds rounds) {
        this.rounds = rounds;
    }

    void startRound(int next, boolean newCode) {
        round = next;
        if (newCode) {
            codeSince = rounds.firstAttempt(next);
        }
    }

    boolean matches(int attempt, Channel channel) {
        return rounds.exists(attempt, round, channel);
    }

    boolean has(int attempt, Outcome outcome) {
        return outcomes.getOrDefault(attempt, Set.of()).contains(outcome);
    }

    void record(int attempt, Outcome outcome) {
        outcomes.computeIfAbsent(attempt, a -> EnumSet.noneOf(Outcome.class)).add(outcome);
    }

    /**
     * True when no channel of the current round is left to try and no attempt with the current code can have reached
     * the recipient: each was refused, never answered, or reported failed. An accepted message without a receipt
     * (unconfirmed or still awaited) may have arrived, so it keeps the OTP alive.
     */
    boolean nothingCanArrive() {
        int last = rounds.lastAttempt(round);
        if (!has(last, Outcome.FAILED) && !has(last, Outcome.UNCONFIRMED)) {
            return false;
        }
        for (int attempt = codeSince; attempt <= last; attempt++) {
            if (mayHaveArrived(attempt)) {
                return false;
            }
        }
        return true;
    }

    private boolean mayHaveArrived(int attempt) {
        return has(attempt, Outcome.DELIVERED) || has(attempt, Outcome.READ)
                || has(attempt, Outcome.DISPATCHED) && !has(attempt, Outcome.FAILED);
    }
}
