package com.narvark.otp.command;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The expiry rows without PostgreSQL, for the aggregate and poller tests (the JDBC table is covered by the ITs). */
final class InMemoryOtpExpiries implements OtpExpiries {

    private final Map<String, Instant> rows = new HashMap<>();

    /** When the OTP's row is due, or empty when it has none. */
    Optional<Instant> dueAt(String otpId) {
        return Optional.ofNullable(rows.get(otpId));
    }

    @Override
    public void schedule(String otpId, Instant expiresAt) {
        rows.put(otpId, expiresAt);
    }

    @Override
    public void remove(String otpId) {
        rows.remove(otpId);
    }

    @Override
    public List<String> claimDue(Instant now, Instant leaseUntil, int limit) {
        List<String> due = rows.entrySet().stream().filter(row -> !row.getValue().isAfter(now))
                .sorted(Map.Entry.comparingByValue()).limit(limit).map(Map.Entry::getKey).toList();
        due.forEach(otpId -> rows.put(otpId, leaseUntil));
        return due;
    }
}
