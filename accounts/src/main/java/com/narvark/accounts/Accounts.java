package com.narvark.accounts;

import com.narvark.otp.api.RandomIds;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts and their keys. A key's secret exists only in the answer that creates it. */
@Service
public class Accounts {

    private final ApiKeyStore store;
    private final SecureRandom random;
    private final Clock clock;
    private final int defaultPerMinute;
    private final int maxActiveKeys;

    Accounts(ApiKeyStore store, SecureRandom random, Clock clock,
             @Value("${narvark.rate-limit.per-minute:1000}") int defaultPerMinute,
             @Value("${narvark.accounts.max-active-keys-per-environment:20}") int maxActiveKeys) {
        if (maxActiveKeys < 1) {
            // Below one, a new account could not get its first key of each environment.
            throw new IllegalArgumentException("narvark.accounts.max-active-keys-per-environment must be at least 1");
        }
        this.store = store;
        this.random = random;
        this.clock = clock;
        this.defaultPerMinute = defaultPerMinute;
        this.maxActiveKeys = maxActiveKeys;
    }

    /** Keys of one environment an account may hold unrevoked at once. */
    public int maxActiveKeysPerEnvironment() {
        return maxActiveKeys;
    }

    /** A new account with one test key and one live key. */
    @Transactional
    public NewAccount createAccount(String name) {
        return createAccount(name, true);
    }

    /** {@code liveActive = false}: the live key authenticates nothing until the operator enables it. */
    @Transactional
    public NewAccount createAccount(String name, boolean liveActive) {
        String accountId = "acct_" + RandomIds.base32(random, 26);
        Instant now = clock.instant();
        store.insertAccount(accountId, name, now);
        // Through the same limit as every other key, although a new account's first key never reaches it.
        IssuedKey live = issueWithinLimit(accountId, true).orElseThrow();
        if (!liveActive) {
            store.setActive(live.key().keyId(), false);
        }
        return new NewAccount(accountId, name, now, List.of(issueWithinLimit(accountId, false).orElseThrow(), live));
    }

    /** A platform account of Narvark's own (the portal's sign-in codes are its OTPs), created on first use. */
    public void ensurePlatformAccount(String accountId, String name) {
        store.ensureAccount(accountId, name, clock.instant());
    }

    public boolean hasAnyAccount() {
        return store.hasAnyAccount();
    }

    public Optional<String> name(String accountId) {
        return store.nameOf(accountId);
    }

    /** Refused with {@link KeyLimitReached} when the environment already has its most active keys. */
    @Transactional
    public IssuedKey issueKey(String accountId, boolean livemode) {
        return issueWithinLimit(accountId, livemode).orElseThrow(() -> new KeyLimitReached(livemode, maxActiveKeys));
    }

    /**
     * A new key, or empty when the environment already has its most active keys. Empty rather than an exception so
     * that a caller's transaction (the console's) is not marked rollback-only and can still answer a page.
     * The account's row stays locked until the caller's transaction ends: count and insert are one step across nodes.
     */
    @Transactional
    public Optional<IssuedKey> issueWithinLimit(String accountId, boolean livemode) {
        if (!store.lockAccount(accountId)) {
            throw new AccountOrKeyNotFound("no account " + accountId);
        }
        if (store.unrevokedKeys(accountId, livemode) >= maxActiveKeys) {
            return Optional.empty();
        }
        return Optional.of(issue(accountId, livemode));
    }

    public List<StoredKey> keys(String accountId) {
        if (!store.accountExists(accountId)) {
            throw new AccountOrKeyNotFound("no account " + accountId);
        }
        return store.keysOf(accountId);
    }

    /** The account's keys with their state and rate-limit setting, oldest first. */
    public List<KeyDetails> keyDetails(String accountId) {
        return store.detailsOf(accountId);
    }

    public StoredKey revoke(String keyId) {
        return store.revoke(keyId, clock.instant()).orElseThrow(() -> new AccountOrKeyNotFound("no key " + keyId));
    }

    /** Inactive keys (a live key awaiting the operator) authenticate nothing. False if no such key. */
    public boolean setKeyActive(String keyId, boolean active) {
        return store.setActive(keyId, active);
    }

    /** Stores the setting and answers the limit in force: the default filled in, null when unlimited. */
    public KeyRateLimit setRateLimit(String keyId, KeyRateLimit limit) {
        if (!store.setRateLimit(keyId, limit)) {
            throw new AccountOrKeyNotFound("no key " + keyId);
        }
        return new KeyRateLimit(limit.unlimited() ? null
                : limit.perMinute() == null ? defaultPerMinute : limit.perMinute(), limit.unlimited());
    }

    /** The account's own limit over all its keys together; null sets the configured default again. */
    public void setAccountRateLimit(String accountId, Integer perMinute) {
        if (!store.setAccountRateLimit(accountId, perMinute)) {
            throw new AccountOrKeyNotFound("no account " + accountId);
        }
    }

    private IssuedKey issue(String accountId, boolean livemode) {
        String secret = ApiKeys.generate(livemode, random);
        StoredKey key = new StoredKey("key_" + RandomIds.base32(random, 26), accountId, livemode,
                ApiKeys.hint(secret), clock.instant(), null);
        store.insertKey(key, ApiKeys.hash(secret));
        return new IssuedKey(key, secret);
    }

    public record NewAccount(String accountId, String name, Instant createdAt, List<IssuedKey> keys) {
    }

    public record IssuedKey(StoredKey key, String secret) {
    }
}
