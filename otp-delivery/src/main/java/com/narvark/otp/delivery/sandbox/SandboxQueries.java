package com.narvark.otp.delivery.sandbox;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.crypto.SecretCipher;
import com.narvark.otp.api.query.FindRecentSandboxMessagesQuery;
import com.narvark.otp.api.query.FindSandboxMessagesQuery;
import com.narvark.otp.api.query.SandboxMessageView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the sandbox inbox back, decrypted, for the account that owns the OTP (or its newest messages). */
@Component
class SandboxQueries {

    private final JdbcClient jdbc;
    private final SecretCipher cipher;

    SandboxQueries(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @QueryHandler
    List<SandboxMessageView> handle(FindSandboxMessagesQuery query) {
        return jdbc.sql("""
                SELECT message_id, otp_id, channel, to_address, text_ciphertext, received_at
                FROM otp_delivery.sandbox_messages WHERE otp_id = ? AND account_id = ? ORDER BY attempt
                """)
                .params(query.otpId(), query.accountId())
                .query(this::view)
                .list();
    }

    @QueryHandler
    List<SandboxMessageView> handle(FindRecentSandboxMessagesQuery query) {
        return jdbc.sql("""
                SELECT message_id, otp_id, channel, to_address, text_ciphertext, received_at
                FROM otp_delivery.sandbox_messages WHERE account_id = ? ORDER BY received_at DESC, message_id LIMIT ?
                """)
                .params(query.accountId(), query.limit())
                .query(this::view)
                .list();
    }

    private SandboxMessageView view(ResultSet rs, int row) throws SQLException {
        return new SandboxMessageView(rs.getString("message_id"), rs.getString("otp_id"),
                Channel.fromWireName(rs.getString("channel")).orElseThrow(), rs.getString("to_address"),
                cipher.decrypt(rs.getBytes("text_ciphertext"), rs.getString("message_id")),
                rs.getTimestamp("received_at").toInstant());
    }
}
