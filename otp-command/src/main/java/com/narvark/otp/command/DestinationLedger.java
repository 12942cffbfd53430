package com.narvark.otp.command;

import com.narvark.otp.api.Destination;
import java.time.Instant;
import java.util.List;

/**
 * What the fraud guards remember about one account's destination: its recent OTPs (SMS pumping) and its recent
 * wrong codes across OTPs (brute force). Calls run in the command's transaction; {@link #holdSends} keeps the
 * destination to itself until that transaction ends, so two nodes can never both admit the one OTP too many.
 */
public interface DestinationLedger {

    /** Holds the destination for this transaction and answers its sends at or after {@code since}, oldest first. */
    List<Instant> holdSends(String accountId, Destination to, Instant since);

    void recordSend(String otpId, String accountId, Destination to, Instant at);

    /** The times of wrong codes entered for this destination at or after {@code since}, oldest first. */
    List<Instant> failures(String accountId, Destination to, Instant since);

    void recordFailure(String accountId, Destination to, Instant at);
}
