package com.narvark.otp.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a delivery attempt (or a whole OTP) failed, in words that mean the same on every channel and carrier. The
 * carrier's own code travels beside it as the {@code carrier_error} ({@code provider:code}), because support staff
 * need it to talk to the carrier; customers branch on this reason. Wire names are public (README, "Failure reasons").
 */
public enum FailureReason {
    /** The number or address does not exist or is malformed (SMPP 0x0B, Twilio 21211, SMTP 550 5.1.1). */
    INVALID_DESTINATION,
    /** It exists but could not be reached now: handset off, absent subscriber, not on WhatsApp, mailbox full. */
    UNREACHABLE,
    /** The recipient opted out, or the carrier or recipient blocks this sender (Twilio 21610, Meta 131049). */
    BLOCKED,
    /** The destination's country or network is not enabled on the route (Twilio 21408, 21612). */
    COUNTRY_NOT_SUPPORTED,
    /** The text, sender or template was refused or filtered (Twilio 30007, Meta 132001, SMTP 554 5.7.1). */
    CONTENT_REJECTED,
    /** The carrier is throttling, or its queue is full: a later try may pass (SMPP 0x58, Twilio 20429). */
    RATE_LIMITED,
    /** The carrier never answered the send within the send timeout (twice). */
    CARRIER_TIMEOUT,
    /** The carrier could not be reached at all: connection refused, SMPP session down, SMTP server away. */
    CARRIER_UNAVAILABLE,
    /** Anything else the carrier reported: a system error, bad credentials, a code not in the tables. */
    CARRIER_ERROR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FailureReason> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(r -> r.wireName().equals(wireName)).findFirst();
    }

    /**
     * The reason recorded in an event. Events stored before this taxonomy carry a carrier-shaped string instead
     * ({@code smpp_status_11}, {@code twilio_21211}, {@code undeliverable}…); they are classified here, once, so the
     * status, the history and the analytics of old OTPs speak the same taxonomy as new ones.
     */
    public static FailureReason ofStored(String reason) {
        if (reason == null || reason.isEmpty()) {
            return CARRIER_ERROR;
        }
        return fromWireName(reason).orElseGet(() -> LegacyFailureReasons.classify(reason));
    }

    /**
     * The carrier error of a stored event: its own field when it has one, else (events from before the taxonomy) the
     * carrier code the old reason string carried, e.g. {@code twilio_21211} → {@code twilio:21211}; null if none.
     */
    public static String carrierErrorOfStored(String carrierError, String reason) {
        return carrierError != null ? carrierError : LegacyFailureReasons.carrierError(reason);
    }
}
