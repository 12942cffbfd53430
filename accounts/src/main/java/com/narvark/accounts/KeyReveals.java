package com.narvark.accounts;

import com.narvark.otp.api.RandomIds;
import com.narvark.otp.api.crypto.SecretCipher;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One-time links to a new account's keys. The link carries a random token (never a key); the keys wait sealed
 * under the configured encryption key, and the one statement that reads them also erases them and burns the token.
 */
@Repository
public class KeyReveals {

    public static final Duration LIFETIME = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final SecureRandom random;
    private final Clock clock;

    KeyReveals(JdbcClient jdbc, SecretCipher cipher, SecureRandom random, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.random = random;
        this.clock = clock;
    }

    /** Seals the secrets and answers the token for the link. */
    String create(String accountId, List<String> secrets) {
        String token = RandomIds.base32(random, 40);
        byte[] hash = ApiKeys.hash(token);
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO accounts.key_reveals (token_hash, account_id, secrets, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?)
                """)
                .params(hash, accountId, cipher.encrypt(String.join("\n", secrets), owner(hash)),
                        Timestamp.from(now), Timestamp.from(now.plus(LIFETIME)))
                .update();
        return token;
    }

    public static boolean isToken(String token) {
        return token != null && token.matches("[" + RandomIds.ALPHABET + "]{40}");
    }

    /** Whether the link can still show its keys (not used, not expired); it stays usable. */
    public boolean usable(String token) {
        return jdbc.sql("SELECT count(*) FROM accounts.key_reveals "
                        + "WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")
                .params(ApiKeys.hash(token), Timestamp.from(clock.instant())).query(Long.class).single() == 1;
    }

    /** The keys, exactly once: the token is burnt and the sealed secrets erased by the same update. */
    public Optional<Revealed> reveal(String token) {
        byte[] hash = ApiKeys.hash(token);
        Instant now = clock.instant();
        return jdbc.sql("""
                UPDATE accounts.key_reveals SET used_at = ?, secrets = NULL
                WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?
                RETURNING account_id, (SELECT secrets FROM accounts.key_reveals WHERE token_hash = ?) AS sealed
                """)
                .params(Timestamp.from(now), hash, Timestamp.from(now), hash)
                .query((rs, row) -> new Revealed(rs.getString("account_id"),
                        List.of(cipher.decrypt(rs.getBytes("sealed"), owner(hash)).split("\n"))))
                .optional();
    }

    public record Revealed(String accountId, List<String> secrets) {
    }

    private static String owner(byte[] hash) {
        return "key_reveal:" + HexFormat.of().formatHex(hash);
    }
}
