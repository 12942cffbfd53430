package com.narvark.gateway.auth;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.narvark.gateway.ratelimit.KeyRateLimit;
import com.narvark.otp.api.change.ChangeAwareCache;
import com.narvark.otp.api.change.ChangeFeed;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * API key authentication without a query per request: what an active key authenticates as (caller, key limit,
 * account limit), by key hash, for {@code narvark.auth.key-cache.ttl} at most, {@code ….max-size} keys at most.
 * The {@code api_keys} and {@code accounts} triggers announce every revocation, deactivation and limit change on
 * {@value #CHANNEL} with the account id, and each node drops that account's keys; while this node's change feed is
 * not up to date, nothing cached is used. Unknown keys are never cached, so guessing cannot fill the memory.
 */
@Component
class ApiKeyCache {

    static final String CHANNEL = "narvark_api_keys";

    private final ApiKeyStore store;
    private final ChangeAwareCache<String, ApiKeyStore.ActiveKey> cache;

    ApiKeyCache(ApiKeyStore store, ChangeFeed feed,
                @Value("${narvark.auth.key-cache.ttl:30s}") Duration ttl,
                @Value("${narvark.auth.key-cache.max-size:10000}") long maxSize) {
        this.store = store;
        this.cache = new ChangeAwareCache<>(feed, CHANNEL,
                Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxSize)
                        .<String, ApiKeyStore.ActiveKey>build().asMap(),
                (accountId, hash, active) -> active.key().accountId().equals(accountId));
    }

    /**
     * The caller behind an active key, if any. Cached or not, the stored hash is compared in constant time and the
     * key's environment must be the one its prefix names.
     */
    Optional<Authenticated> authenticate(String key) {
        byte[] hash = ApiKeys.hash(key);
        return Optional.ofNullable(cache.get(HexFormat.of().formatHex(hash),
                        ignored -> store.findActive(hash).orElse(null)))
                .filter(active -> MessageDigest.isEqual(active.hash(), hash)
                        && active.key().livemode() == ApiKeys.isLive(key))
                .map(active -> new Authenticated(
                        new Caller(active.key().accountId(), active.key().livemode(), active.key().keyId()),
                        active.rateLimit(), active.accountPerMinute()));
    }

    /** {@code accountPerMinute} null: the configured default. */
    record Authenticated(Caller caller, KeyRateLimit rateLimit, Integer accountPerMinute) {
    }
}
