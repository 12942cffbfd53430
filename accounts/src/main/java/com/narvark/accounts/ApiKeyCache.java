package com.narvark.accounts;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.narvark.otp.api.change.ChangeAwareCache;
import com.narvark.otp.api.change.ChangeFeed;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What active API keys authenticate as (the key row with its account's limit), by key hash, so that a request
 * costs no {@code api_keys} query: kept {@code narvark.auth.key-cache.ttl} at most, {@code ….max-size} keys at most.
 * The {@code api_keys} and {@code accounts} triggers announce every revocation, deactivation and limit change on
 * {@value #CHANNEL} with the account id, and each node drops that account's keys; while this node's change feed is
 * not up to date, nothing cached is used. Unknown keys are never cached, so guessing cannot fill the memory.
 */
@Component
class ApiKeyCache {

    static final String CHANNEL = "narvark_api_keys";

    private final ChangeAwareCache<String, ApiKeyStore.ActiveKey> cache;

    ApiKeyCache(ChangeFeed feed, @Value("${narvark.auth.key-cache.ttl:30s}") Duration ttl,
                @Value("${narvark.auth.key-cache.max-size:10000}") long maxSize) {
        this.cache = new ChangeAwareCache<>(feed, CHANNEL,
                Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxSize)
                        .<String, ApiKeyStore.ActiveKey>build().asMap(),
                (accountId, hash, active) -> active.key().accountId().equals(accountId));
    }

    /** The active key with this hash: cached, or {@code load}ed (and then cached). */
    Optional<ApiKeyStore.ActiveKey> get(byte[] hash, Supplier<Optional<ApiKeyStore.ActiveKey>> load) {
        return Optional.ofNullable(cache.get(HexFormat.of().formatHex(hash), ignored -> load.get().orElse(null)));
    }

    /** This node changed the account's keys: they leave its cache as the change commits, before the notice. */
    void changedHere(String accountId) {
        cache.changedHere(accountId);
    }
}
