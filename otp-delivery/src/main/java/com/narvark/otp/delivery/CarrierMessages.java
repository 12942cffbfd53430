package com.narvark.otp.delivery;

import com.narvark.otp.api.Channel;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code carrier_messages} table: which OTP attempt a carrier message id belongs to. A concatenated SMS has a
 * row per part (each part has its own id and receipt), numbered {@code part} of {@code parts}.
 */
@Repository
public class CarrierMessages implements AcceptedSends {

    private final JdbcClient jdbc;

    CarrierMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void remember(String provider, CarrierAcceptance acceptance, OutboundMessage message, Instant acceptedAt) {
        List<String> ids = acceptance.partMessageIds();
        for (int i = 0; i < ids.size(); i++) {
            jdbc.sql("""
                    INSERT INTO otp_delivery.carrier_messages
                        (provider, carrier_message_id, otp_id, attempt, channel, accepted_at, part, parts, encoding)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                    """)
                    .params(provider, ids.get(i), message.otpId(), message.attempt(), message.channel().wireName(),
                            Timestamp.from(acceptedAt), i + 1, acceptance.parts(), acceptance.encoding())
                    .update();
        }
    }

    /** The first part's row: the id the dispatch records (the others have their own rows for their receipts). */
    @Override
    public Optional<AcceptedSend> find(String otpId, int attempt) {
        return jdbc.sql("SELECT carrier_message_id, parts, encoding FROM otp_delivery.carrier_messages "
                        + "WHERE otp_id = ? AND attempt = ? ORDER BY part LIMIT 1")
                .params(otpId, attempt)
                .query((rs, row) -> new AcceptedSend(rs.getString("carrier_message_id"), rs.getInt("parts"),
                        rs.getString("encoding")))
                .optional();
    }

    public Optional<Attempt> find(String provider, String carrierMessageId) {
        return jdbc.sql("SELECT otp_id, attempt, channel, accepted_at, part FROM otp_delivery.carrier_messages "
                        + "WHERE provider = ? AND carrier_message_id = ?")
                .params(provider, carrierMessageId)
                .query((rs, row) -> new Attempt(rs.getString("otp_id"), rs.getInt("attempt"),
                        Channel.fromWireName(rs.getString("channel")).orElseThrow(),
                        rs.getTimestamp("accepted_at").toInstant(), rs.getInt("part")))
                .optional();
    }

    /** One delivery attempt of one OTP, when its carrier accepted it, and which part the message id is (1..). */
    public record Attempt(String otpId, int attempt, Channel channel, Instant acceptedAt, int part) {

        public Attempt(String otpId, int attempt, Channel channel, Instant acceptedAt) {
            this(otpId, attempt, channel, acceptedAt, 1);
        }
    }
}
