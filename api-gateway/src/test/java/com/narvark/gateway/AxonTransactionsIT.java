package com.narvark.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.narvark.gateway.support.GatewayIntegrationTest;
import com.narvark.otp.api.Channel;
import com.narvark.otp.api.Destination;
import com.narvark.otp.api.GuardPolicy;
import com.narvark.otp.api.OtpId;
import com.narvark.otp.api.command.SendOtpCommand;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Axon runs inside Spring transactions: a command that fails leaves neither events nor an expiry row behind. */
class AxonTransactionsIT extends GatewayIntegrationTest {

    @Autowired
    private CommandGateway commands;
    @Autowired
    private TransactionManager axonTransactions;
    @Autowired
    private JdbcClient jdbc;

    private List<Instant> expiryRows(String otpId) {
        return jdbc.sql("SELECT expires_at FROM otp_command.otp_expiries WHERE otp_id = ?").param(otpId)
                .query((rs, row) -> rs.getTimestamp(1).toInstant()).list();
    }

    @Test
    void shouldUseSpringTransactionsWhenAxonIsWired() {
        assertThat(axonTransactions).isInstanceOf(SpringTransactionManager.class);
    }

    @Test
    void shouldLeaveNoExpiryRowBehindWhenTheSendCommandFails() {
        Instant requestedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        SendOtpCommand send = new SendOtpCommand(OtpId.generate(new SecureRandom()), "acct_tx", true,
                new Destination(Destination.Kind.PHONE, "+447911123456"), "GB", Channel.SMS, List.of(), 6, 300, 5,
                null, Map.of(), GuardPolicy.DEFAULT, requestedAt);
        commands.sendAndWait(send);
        assertThat(expiryRows(send.otpId())).containsExactly(requestedAt.plusSeconds(300));
        // Taken away here, so that only the rollback below can account for its absence afterwards.
        jdbc.sql("DELETE FROM otp_command.otp_expiries WHERE otp_id = ?").param(send.otpId()).update();

        // The same id again: the row is written, then the append collides and the transaction rolls back.
        assertThatThrownBy(() -> commands.sendAndWait(send)).isNotNull();

        assertThat(expiryRows(send.otpId())).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 0")
                .param(send.otpId()).query(Long.class).single()).isEqualTo(1);
    }
}
