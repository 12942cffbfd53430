package com.narvark.otp.command;

import com.narvark.otp.api.Destination;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The ledger's rules without PostgreSQL, for the aggregate tests (the JDBC ledger is covered by the ITs). */
final class InMemoryDestinationLedger implements DestinationLedger {

    private record Entry(String key, Instant at) {
    }

    private final List<Entry> sends = new ArrayList<>();
    private final List<Entry> failures = new ArrayList<>();

    @Override
    public List<Instant> holdSends(String accountId, Destination to, Instant since) {
        return within(sends, accountId + to.value(), since);
    }

    @Override
    public void recordSend(String otpId, String accountId, Destination to, Instant at) {
        sends.add(new Entry(accountId + to.value(), at));
    }

    @Override
    public List<Instant> failures(String accountId, Destination to, Instant since) {
        return within(failures, accountId + to.value(), since);
    }

    @Override
    public void recordFailure(String accountId, Destination to, Instant at) {
        failures.add(new Entry(accountId + to.value(), at));
    }

    private static List<Instant> within(List<Entry> entries, String key, Instant since) {
        return entries.stream().filter(e -> e.key().equals(key) && !e.at().isBefore(since)).map(Entry::at).sorted()
                .toList();
    }
}
