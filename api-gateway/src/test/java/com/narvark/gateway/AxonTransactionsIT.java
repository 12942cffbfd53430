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
import java.sql.Timestamp;
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

/** Axon runs inside Spring transactions: a command that fails leaves neither events nor a deadline behind. */
class AxonTransactionsIT extends GatewayIntegrationTest {

    @Autowired
    private CommandGateway commands;
    @Autowired
    private TransactionManager axonTransactions;
    @Autowired
    private JdbcClient jdbc;

    /** Expiry deadlines fall due at the OTP's expiry; delivery timeouts are rows of their own. */
    private long deadlinesDueAt(Instant expiry) {
        return jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE execution_time = ?")
                .param(Timestamp.from(expiry)).query(Long.class).single();
    }

    @Test
    void shouldUseSpringTransactionsWhenAxonIsWired() {
        assertThat(axonTransactions).isInstanceOf(SpringTransactionManager.class);
    }

    @Test
    void shouldLeaveNoDeadlineBehindWhenTheSendCommandFails() {
        Instant requestedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        SendOtpCommand send = new SendOtpCommand(OtpId.generate(new SecureRandom()), "acct_tx", true,
                new Destination(Destination.Kind.PHONE, "+447911123456"), "GB", Channel.SMS, List.of(), 6, 300, 5,
                null, Map.of(), GuardPolicy.DEFAULT, requestedAt);
        commands.sendAndWait(send);
        assertThat(deadlinesDueAt(requestedAt.plusSeconds(300))).isEqualTo(1);

        // The same id again: the deadline is scheduled, then the append collides and the transaction rolls back.
        assertThatThrownBy(() -> commands.sendAndWait(send)).isNotNull();

        assertThat(deadlinesDueAt(requestedAt.plusSeconds(300))).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 0")
                .param(send.otpId()).query(Long.class).single()).isEqualTo(1);
    }
}
