package com.narvark.gateway.auth;

import com.narvark.gateway.ratelimit.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Throttles guessing of the operator credential (admin API, actuator, operator sign-in): failed attempts are counted
 * per client address and across all addresses, in the shared rate-limit buckets, so the limit holds on every node.
 * While either budget is spent, every attempt from there is refused before the credential is even compared. Failures
 * are also counted per hour ({@code credential_failures}) for the operator page, never written as audit rows.
 */
@Component
public class CredentialThrottle {

    private final RateLimiter buckets;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final int perAddress;
    private final int global;

    public CredentialThrottle(RateLimiter buckets, JdbcClient jdbc, Clock clock,
                       @Value("${narvark.security.credential-failures.per-address-per-minute:10}") int perAddress,
                       @Value("${narvark.security.credential-failures.global-per-minute:100}") int global) {
        this.buckets = buckets;
        this.jdbc = jdbc;
        this.clock = clock;
        this.perAddress = perAddress;
        this.global = global;
    }

    /** Seconds to wait when this client (or everyone) has failed too often lately; empty when it may try. */
    public OptionalLong refusal(String surface, HttpServletRequest request) {
        long wait = Math.max(buckets.secondsUntilFree(addressBucket(surface, request), perAddress),
                buckets.secondsUntilFree(globalBucket(surface), global));
        return wait > 0 ? OptionalLong.of(wait) : OptionalLong.empty();
    }

    public void failed(String surface, HttpServletRequest request) {
        buckets.count(addressBucket(surface, request), perAddress);
        buckets.count(globalBucket(surface), global);
        jdbc.sql("""
                INSERT INTO credential_failures (surface, hour_start, failures) VALUES (?, ?, 1)
                ON CONFLICT (surface, hour_start) DO UPDATE SET failures = credential_failures.failures + 1
                """)
                .params(surface, Timestamp.from(clock.instant().truncatedTo(ChronoUnit.HOURS))).update();
    }

    /** Failed attempts per surface over the last 24 hours, for the operator page. */
    public Map<String, Long> lastDay() {
        return jdbc.sql("SELECT surface, sum(failures) AS n FROM credential_failures WHERE hour_start > ? GROUP BY surface")
                .param(Timestamp.from(clock.instant().minus(24, ChronoUnit.HOURS)))
                .query((rs, row) -> Map.entry(rs.getString("surface"), rs.getLong("n"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum, TreeMap::new));
    }

    private static String addressBucket(String surface, HttpServletRequest request) {
        // The address itself is not kept: a hash prefix is enough to tell clients apart.
        String hash = HexFormat.of().formatHex(ApiKeys.hash(request.getRemoteAddr())).substring(0, 32);
        return "guess:" + surface + ":" + hash;
    }

    private static String globalBucket(String surface) {
        return "guess:" + surface + ":*";
    }
}
