package com.narvark.gateway.auth;

import com.narvark.accounts.ApiKeys;
import com.narvark.accounts.ClientNetworks;
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
 * per client (IPv4 address or IPv6 /64) and across all clients, in the shared rate-limit buckets, so the limits hold
 * on every node. While a client's budget is spent, its attempts are refused before the credential is even compared;
 * while the global one is, so are those of every client that failed lately. Failures
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

    /**
     * Seconds to wait when this client has failed too often lately, or when everyone has and this client failed
     * too; empty when it may try. A client with a clean record is never held back by the global ceiling: otherwise
     * guesses from many addresses would lock the operator out too.
     */
    public OptionalLong refusal(String surface, HttpServletRequest request) {
        String client = addressBucket(surface, request);
        long own = buckets.secondsUntilFree(client, perAddress);
        if (own > 0) {
            return OptionalLong.of(own);
        }
        long everyone = buckets.secondsUntilFree(globalBucket(surface), global);
        return everyone > 0 && buckets.hasCounted(client) ? OptionalLong.of(everyone) : OptionalLong.empty();
    }

    public void failed(String surface, HttpServletRequest request) {
        buckets.count(addressBucket(surface, request), perAddress);
        buckets.count(globalBucket(surface), global);
        jdbc.sql("""
                INSERT INTO gateway.credential_failures (surface, hour_start, failures) VALUES (?, ?, 1)
                ON CONFLICT (surface, hour_start) DO UPDATE SET failures = credential_failures.failures + 1
                """)
                .params(surface, Timestamp.from(clock.instant().truncatedTo(ChronoUnit.HOURS))).update();
    }

    /** Failed attempts per surface over the last 24 hours, for the operator page. */
    public Map<String, Long> lastDay() {
        return jdbc.sql("SELECT surface, sum(failures) AS n FROM gateway.credential_failures WHERE hour_start > ? "
                        + "GROUP BY surface")
                .param(Timestamp.from(clock.instant().minus(24, ChronoUnit.HOURS)))
                .query((rs, row) -> Map.entry(rs.getString("surface"), rs.getLong("n"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum, TreeMap::new));
    }

    private static String addressBucket(String surface, HttpServletRequest request) {
        // Per IPv4 address or IPv6 /64 (one line holds a whole /64). Not kept as such: a hash prefix tells them apart.
        String client = ClientNetworks.of(request.getRemoteAddr());
        String hash = HexFormat.of().formatHex(ApiKeys.hash(client)).substring(0, 32);
        return "guess:" + surface + ":" + hash;
    }

    private static String globalBucket(String surface) {
        return "guess:" + surface + ":*";
    }
}
