package com.narvark.accounts;

import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code accounts} and {@code api_keys} tables. Authentication reads through {@link ApiKeyCache}; every change
 * written here that can alter what a key authenticates as also leaves this node's cache when it commits.
 */
@Repository
class ApiKeyStore {

    private final JdbcClient jdbc;
    private final ApiKeyCache cache;

    ApiKeyStore(JdbcClient jdbc, ApiKeyCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
    }

    /**
     * The active key with this secret, if any. Cached or not, the stored hash is compared again in constant time,
     * and the key's environment must be the one its prefix names.
     */
    Optional<AuthenticatedKey> authenticate(String key) {
        byte[] hash = ApiKeys.hash(key);
        return cache.get(hash, () -> findActive(hash))
                .filter(active -> MessageDigest.isEqual(active.hash(), hash)
                        && active.key().livemode() == ApiKeys.isLive(key))
                .map(active -> new AuthenticatedKey(active.key().accountId(), active.key().livemode(),
                        active.key().keyId(), active.rateLimit(), active.accountPerMinute()));
    }

    /** The active, unrevoked key with this hash, with its account's limit. */
    private Optional<ActiveKey> findActive(byte[] hash) {
        return jdbc.sql("""
                        SELECT k.*, a.rate_limit_per_minute AS account_rate_limit_per_minute
                        FROM accounts.api_keys k JOIN accounts.accounts a ON a.account_id = k.account_id
                        WHERE k.key_hash = ? AND k.revoked_at IS NULL AND k.active
                        """)
                .param(hash)
                .query((rs, row) -> new ActiveKey(mapKey(rs, row), rs.getBytes("key_hash"), rateLimit(rs),
                        nullableInt(rs, "account_rate_limit_per_minute")))
                .optional();
    }

    /** {@code accountPerMinute} null: the configured default. */
    record ActiveKey(StoredKey key, byte[] hash, KeyRateLimit rateLimit, Integer accountPerMinute) {
    }

    /** The account's own limit over all its keys; null for the default. False if no such account. */
    boolean setAccountRateLimit(String accountId, Integer perMinute) {
        boolean updated = jdbc.sql("UPDATE accounts.accounts SET rate_limit_per_minute = ? WHERE account_id = ?")
                .params(perMinute, accountId).update() == 1;
        if (updated) {
            cache.changedHere(accountId);
        }
        return updated;
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    /** Sets a key's rate limit: a number per minute, null for the default, or unlimited. False if no such key. */
    boolean setRateLimit(String keyId, KeyRateLimit limit) {
        return changedHere(jdbc.sql("""
                        UPDATE accounts.api_keys SET rate_limit_per_minute = ?, rate_unlimited = ? WHERE key_id = ?
                        RETURNING account_id
                        """)
                .params(limit.perMinute(), limit.unlimited(), keyId).query(String.class).optional());
    }

    /** Enables an approved account's inactive live key (unrevoked); false if there is no such key. */
    boolean enableInactiveLive(String keyId) {
        return changedHere(jdbc.sql("""
                        UPDATE accounts.api_keys SET active = TRUE
                        WHERE key_id = ? AND livemode AND NOT active AND revoked_at IS NULL RETURNING account_id
                        """).param(keyId).query(String.class).optional());
    }

    /** Inactive keys (a live key awaiting the operator) authenticate nothing. False if no such key. */
    boolean setActive(String keyId, boolean active) {
        return changedHere(jdbc.sql("UPDATE accounts.api_keys SET active = ? WHERE key_id = ? RETURNING account_id")
                .params(active, keyId).query(String.class).optional());
    }

    private boolean changedHere(Optional<String> accountId) {
        accountId.ifPresent(cache::changedHere);
        return accountId.isPresent();
    }

    /** The account's keys with what the console shows beside them: active or not, and the rate limit setting. */
    List<KeyDetails> detailsOf(String accountId) {
        return jdbc.sql("SELECT * FROM accounts.api_keys WHERE account_id = ? ORDER BY created_at, key_id")
                .param(accountId)
                .query((rs, row) -> new KeyDetails(mapKey(rs, row), rs.getBoolean("active"), rateLimit(rs))).list();
    }

    private static KeyRateLimit rateLimit(ResultSet rs) throws SQLException {
        return new KeyRateLimit(nullableInt(rs, "rate_limit_per_minute"), rs.getBoolean("rate_unlimited"));
    }

    void insertAccount(String accountId, String name, Instant createdAt) {
        jdbc.sql("INSERT INTO accounts.accounts (account_id, name, created_at) VALUES (?, ?, ?)")
                .params(accountId, name, Timestamp.from(createdAt)).update();
    }

    /** Creates the account unless it exists (the platform's own accounts, made on first use). */
    void ensureAccount(String accountId, String name, Instant createdAt) {
        jdbc.sql("INSERT INTO accounts.accounts (account_id, name, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(accountId, name, Timestamp.from(createdAt)).update();
    }

    Optional<String> nameOf(String accountId) {
        return jdbc.sql("SELECT name FROM accounts.accounts WHERE account_id = ?").param(accountId).query(String.class)
                .optional();
    }

    boolean accountExists(String accountId) {
        return jdbc.sql("SELECT count(*) FROM accounts.accounts WHERE account_id = ?").param(accountId)
                .query(Long.class).single() > 0;
    }

    boolean hasAnyAccount() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM accounts.accounts)").query(Boolean.class).single();
    }

    /**
     * Locks the account's row until the transaction ends, so that two nodes counting and inserting its keys at once
     * take turns. {@code NO KEY UPDATE}: other tables' inserts that merely reference the account are not blocked.
     * False if there is no such account.
     */
    boolean lockAccount(String accountId) {
        return jdbc.sql("SELECT account_id FROM accounts.accounts WHERE account_id = ? FOR NO KEY UPDATE")
                .param(accountId).query(String.class).optional().isPresent();
    }

    /** Keys of the environment that are not revoked (inactive live keys awaiting review included). */
    long unrevokedKeys(String accountId, boolean livemode) {
        return jdbc.sql("SELECT count(*) FROM accounts.api_keys WHERE account_id = ? AND livemode = ? "
                        + "AND revoked_at IS NULL")
                .params(accountId, livemode).query(Long.class).single();
    }

    void insertKey(StoredKey key, byte[] hash) {
        jdbc.sql("""
                INSERT INTO accounts.api_keys (key_id, account_id, livemode, key_hash, key_hint, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
                .params(key.keyId(), key.accountId(), key.livemode(), hash, key.hint(),
                        Timestamp.from(key.createdAt()))
                .update();
    }

    List<StoredKey> keysOf(String accountId) {
        return jdbc.sql("SELECT * FROM accounts.api_keys WHERE account_id = ? ORDER BY created_at, key_id")
                .param(accountId).query(ApiKeyStore::mapKey).list();
    }

    /** Revokes a key once; revoking again keeps the first revocation time. */
    Optional<StoredKey> revoke(String keyId, Instant at) {
        jdbc.sql("UPDATE accounts.api_keys SET revoked_at = ? WHERE key_id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(at), keyId).update();
        Optional<StoredKey> key = jdbc.sql("SELECT * FROM accounts.api_keys WHERE key_id = ?").param(keyId)
                .query(ApiKeyStore::mapKey).optional();
        key.ifPresent(revoked -> cache.changedHere(revoked.accountId()));
        return key;
    }

    private static StoredKey mapKey(ResultSet rs, int row) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new StoredKey(rs.getString("key_id"), rs.getString("account_id"), rs.getBoolean("livemode"),
                rs.getString("key_hint"), rs.getTimestamp("created_at").toInstant(),
                revoked == null ? null : revoked.toInstant());
    }
}
