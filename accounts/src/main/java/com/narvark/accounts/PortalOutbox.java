package com.narvark.accounts;

import com.narvark.otp.api.RandomIds;
import com.narvark.otp.api.crypto.SecretCipher;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Portal emails recorded instead of sent while email runs on the sandbox carrier ({@code portal_outbox}). The body
 * holds the one-time key link, so it is sealed under the configured key, like the sandbox carrier's inbox.
 */
@Repository
public class PortalOutbox {

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final SecureRandom random;
    private final Clock clock;

    PortalOutbox(JdbcClient jdbc, SecretCipher cipher, SecureRandom random, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.random = random;
        this.clock = clock;
    }

    /** {@code at}: ISO-8601 UTC. */
    public record OutboxMail(String at, String to, String subject, String body) {
    }

    public void record(String to, String subject, String body) {
        String id = "pm_" + RandomIds.base32(random, 26);
        jdbc.sql("""
                INSERT INTO accounts.portal_outbox (message_id, to_address, subject, body_ciphertext, created_at)
                VALUES (?, ?, ?, ?, ?)
                """)
                .params(id, to, subject, cipher.encrypt(body, id), Timestamp.from(clock.instant())).update();
    }

    /** Newest first, decrypted. */
    public List<OutboxMail> recent(int limit) {
        return jdbc.sql("""
                SELECT message_id, to_address, subject, body_ciphertext, created_at FROM accounts.portal_outbox
                ORDER BY created_at DESC LIMIT ?
                """).param(limit)
                .query((rs, row) -> new OutboxMail(rs.getTimestamp("created_at").toInstant().toString(),
                        rs.getString("to_address"), rs.getString("subject"),
                        cipher.decrypt(rs.getBytes("body_ciphertext"), rs.getString("message_id"))))
                .list();
    }
}
