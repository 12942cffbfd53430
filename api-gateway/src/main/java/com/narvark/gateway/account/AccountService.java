package com.narvark.gateway.account;

import com.narvark.gateway.auth.ApiKeyStore;
import com.narvark.gateway.auth.ApiKeys;
import com.narvark.gateway.auth.StoredKey;
import com.narvark.gateway.error.ApiException;
import com.narvark.gateway.ratelimit.KeyRateLimit;
import com.narvark.otp.api.RandomIds;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts and their keys. A key's secret exists only in the answer that creates it. */
@Service
public class AccountService {

    private final ApiKeyStore store;
    private final SecureRandom random;
    private final Clock clock;
    private final int defaultPerMinute;

    AccountService(ApiKeyStore store, SecureRandom random, Clock clock,
                   @Value("${narvark.rate-limit.per-minute:1000}") int defaultPerMinute) {
        this.store = store;
        this.random = random;
        this.clock = clock;
        this.defaultPerMinute = defaultPerMinute;
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
        IssuedKey live = issue(accountId, true);
        if (!liveActive) {
            store.setActive(live.key().keyId(), false);
        }
        return new NewAccount(accountId, name, now, List.of(issue(accountId, false), live));
    }

    @Transactional
    public IssuedKey issueKey(String accountId, boolean livemode) {
        if (!store.accountExists(accountId)) {
            throw ApiException.notFound("no account " + accountId);
        }
        return issue(accountId, livemode);
    }

    List<StoredKey> keys(String accountId) {
        if (!store.accountExists(accountId)) {
            throw ApiException.notFound("no account " + accountId);
        }
        return store.keysOf(accountId);
    }

    public StoredKey revoke(String keyId) {
        return store.revoke(keyId, clock.instant()).orElseThrow(() -> ApiException.notFound("no key " + keyId));
    }

    /** Stores the setting and answers the limit in force: the default filled in, null when unlimited. */
    KeyRateLimit setRateLimit(String keyId, KeyRateLimit limit) {
        if (!store.setRateLimit(keyId, limit)) {
            throw ApiException.notFound("no key " + keyId);
        }
        return new KeyRateLimit(limit.unlimited() ? null
                : limit.perMinute() == null ? defaultPerMinute : limit.perMinute(), limit.unlimited());
    }

    /** The account's own limit over all its keys together; null sets the configured default again. */
    void setAccountRateLimit(String accountId, Integer perMinute) {
        if (!store.setAccountRateLimit(accountId, perMinute)) {
            throw ApiException.notFound("no account " + accountId);
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
