package com.narvark.otp.delivery.sandbox;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.crypto.SecretCipher;
import com.narvark.otp.delivery.CarrierAcceptance;
import com.narvark.otp.delivery.ChannelProvider;
import com.narvark.otp.delivery.OutboundMessage;
import java.time.Clock;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A carrier that delivers into a table instead of a handset, for development and for the README walkthrough.
 * Every channel is accepted, and acceptance counts as delivery (there is no handset to report back). Like a real
 * carrier it honours the idempotency reference: the same OTP attempt sent twice is stored once.
 */
@Component
class SandboxChannelProvider implements ChannelProvider {

    static final String NAME = "sandbox";

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final Clock clock;

    SandboxChannelProvider(JdbcClient jdbc, SecretCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean supports(Channel channel) {
        return true;
    }

    @Override
    public CarrierAcceptance send(OutboundMessage message) {
        String messageId = "sbx_" + message.otpId().substring("otp_".length()) + "_" + message.attempt();
        jdbc.sql("""
                INSERT INTO otp_delivery.sandbox_messages (message_id, otp_id, attempt, account_id, channel,
                    to_address, text_ciphertext, received_at)

                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (otp_id, attempt) DO NOTHING
                """)
                .params(messageId, message.otpId(), message.attempt(), message.accountId(),
                        message.channel().wireName(), message.to(), cipher.encrypt(message.text(), messageId),
                        Timestamp.from(clock.instant()))
                .update();
        return CarrierAcceptance.of(messageId, message, CarrierAcceptance.Receipt.DELIVERED);
    }
}
