package com.narvark.gateway.fraud;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.narvark.otp.api.GuardPolicy;
import com.narvark.otp.api.change.ChangeAwareCache;
import com.narvark.otp.api.change.ChangeFeed;
import java.time.Duration;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The fraud-guard policy of each account and environment, so that a send and a verify cost no
 * {@code fraud_guard_policies} query: kept {@code narvark.fraud.policy-cache.ttl} at most, {@code ….max-size}
 * entries at most. The answer "no row" (the defaults, what most accounts have) is cached like any other, which is
 * why the table's triggers announce inserts too: every change goes out on {@value #CHANNEL} with the account id,
 * and each node drops that account's entries. While this node's change feed is not up to date, nothing cached is
 * used.
 */
@Component
class GuardPolicyCache {

    static final String CHANNEL = "narvark_fraud_guard_policies";

    private final ChangeAwareCache<AccountEnvironment, GuardPolicy> cache;

    GuardPolicyCache(ChangeFeed feed, @Value("${narvark.fraud.policy-cache.ttl:60s}") Duration ttl,
                     @Value("${narvark.fraud.policy-cache.max-size:10000}") long maxSize) {
        this.cache = new ChangeAwareCache<>(feed, CHANNEL,
                Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxSize)
                        .<AccountEnvironment, GuardPolicy>build().asMap(),
                (accountId, owner, policy) -> owner.accountId().equals(accountId));
    }

    /** The policy in force: cached, or {@code load}ed (and then cached). */
    GuardPolicy get(String accountId, boolean livemode, Function<AccountEnvironment, GuardPolicy> load) {
        return cache.get(new AccountEnvironment(accountId, livemode), load);
    }

    /** This node changed the account's policy: its entries go as the change commits, before the notice. */
    void changedHere(String accountId) {
        cache.changedHere(accountId);
    }

    record AccountEnvironment(String accountId, boolean livemode) {
    }
}
