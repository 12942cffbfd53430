package com.narvark.gateway.fraud;

import com.narvark.otp.api.GuardPolicy;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code fraud_guard_policies} table: one account's guard settings per environment. Sends and verifies read
 * through {@link GuardPolicyCache}; a policy saved here also leaves this node's cache when it commits.
 */
@Repository
public class GuardPolicies {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final GuardPolicyCache cache;

    GuardPolicies(JdbcClient jdbc, Clock clock, GuardPolicyCache cache) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cache = cache;
    }

    /** The policy in force; {@link GuardPolicy#DEFAULT} when the account has none of its own. */
    public GuardPolicy of(String accountId, boolean livemode) {
        return cache.get(accountId, livemode, owner -> stored(owner.accountId(), owner.livemode()));
    }

    private GuardPolicy stored(String accountId, boolean livemode) {
        return jdbc.sql("SELECT allowed_countries, monitor_only FROM gateway.fraud_guard_policies "
                        + "WHERE account_id = ? AND livemode = ?")
                .params(accountId, livemode)
                .query((rs, row) -> new GuardPolicy(
                        Set.copyOf(Arrays.asList((String[]) rs.getArray("allowed_countries").getArray())),
                        rs.getBoolean("monitor_only")))
                .optional().orElse(GuardPolicy.DEFAULT);
    }

    void save(String accountId, boolean livemode, GuardPolicy policy) {
        jdbc.sql("""
                INSERT INTO gateway.fraud_guard_policies
                    (account_id, livemode, allowed_countries, monitor_only, updated_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (account_id, livemode) DO UPDATE SET allowed_countries = excluded.allowed_countries,
                    monitor_only = excluded.monitor_only, updated_at = excluded.updated_at
                """)
                .params(accountId, livemode, new TreeSet<>(policy.allowedCountries()).toArray(String[]::new),
                        policy.monitorOnly(), Timestamp.from(clock.instant()))
                .update();
        cache.changedHere(accountId);
    }
}
