package com.narvark.otp.delivery;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.narvark.otp.api.Channel;
import com.narvark.otp.api.ChannelRounds;
import com.narvark.otp.api.message.MessageOptions;
import com.narvark.otp.api.message.OtpTransaction;
import java.time.Instant;
import java.util.List;

/**
 * The stored form of a {@link DeliveryProcess}: its fields are the JSON of its {@code delivery_processes} row, read
 * and written by field, under the names of the saga this replaced (the handover migration copied that saga's
 * state), so renaming a field here is a migration. The process's rules live in the subclass; this class only holds
 * what they need between steps, and the pending timeout.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
@JsonIgnoreProperties(ignoreUnknown = true)
abstract class DeliveryProcessState {

    String otpId;
    String accountId;
    boolean livemode;
    String to;
    /** The primary channel, then the fallbacks: what {@link ChannelRounds} numbers the attempts over. */
    List<Channel> channels;
    String template;
    /** How the message reads; null in processes started before messages had options (read as the defaults). */
    MessageOptions message;
    OtpTransaction transaction;
    byte[] sealedCode;
    Instant expiresAt;
    int attempt;
    /** When the current attempt became due; dispatch latency is measured from it. */
    Instant attemptDueAt;
    int sends;
    boolean dispatched;
    boolean receipted;
    /** The node whose carrier queue holds the current send, and when it was handed over. */
    String sentBy;
    Instant sentAt;
    /** The pending timeout's kind ({@link DeliveryProcess#ATTEMPT_TIMEOUT} or its receipt timeout); null: none. */
    String due;
    /** When the pending timeout fires. */
    Instant dueAt;

    ChannelRounds rounds() {
        return ChannelRounds.of(channels);
    }

    /** The current attempt's channel. */
    Channel channel() {
        return rounds().channel(attempt);
    }

    void schedule(String kind, Instant at) {
        due = kind;
        dueAt = at;
    }

    void cancelTimeout() {
        due = null;
        dueAt = null;
    }

    String otpId() {
        return otpId;
    }

    boolean livemode() {
        return livemode;
    }

    /** When the pending timeout fires; null when none is pending. */
    Instant dueAt() {
        return dueAt;
    }

    String due() {
        return due;
    }
}
