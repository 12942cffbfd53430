package com.narvark.gateway.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.GatewayIntegrationTest;
import com.narvark.gateway.support.LegacyScripts;
import com.narvark.otp.api.Channel;
import com.narvark.otp.api.Destination;
import com.narvark.otp.api.GuardPolicy;
import com.narvark.otp.api.OtpId;
import com.narvark.otp.api.command.SendOtpCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * An OTP pending when expiry stopped being a db-scheduler deadline: the handover migration turns its deadline row
 * (written here as Axon's DbSchedulerDeadlineManager wrote them: binary task data, Java-serialised, the scope as the
 * general serializer's JSON) into an expiry row, and the OTP expires on time. Deadlines of anything else stay.
 */
class ExpiryDeadlineHandoverIT extends GatewayIntegrationTest {

    private static final String MIGRATION = "db/migration/gateway/V2026_12_01_84__expiry_deadline_handover.sql";

    @Autowired
    private CommandGateway commands;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private Serializer serializer;

    @Test
    void shouldExpireAnOtpOnTimeWhenItsDeadlineWasStillInDbScheduler() throws IOException {
        Keys keys = newAccount();
        String otpId = OtpId.generate(new SecureRandom());
        Instant requestedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant expiresAt = requestedAt.plusSeconds(3);
        commands.sendAndWait(new SendOtpCommand(otpId, keys.accountId(), true,
                new Destination(Destination.Kind.PHONE, "+447911123456"), "GB", Channel.SMS, List.of(), 6, 3, 5,
                null, Map.of(), GuardPolicy.DEFAULT, requestedAt));
        // As if sent before the upgrade: no expiry row, a deadline instead (and one of another aggregate's).
        jdbc.sql("DELETE FROM otp_command.otp_expiries WHERE otp_id = ?").param(otpId).update();
        String deadlineId = UUID.randomUUID().toString();
        insertDeadline(deadlineId, "otp-expiry", "Otp", otpId, expiresAt);
        String otherId = UUID.randomUUID().toString();
        insertDeadline(otherId, "some-other-deadline", "Otp", otpId, expiresAt.plusSeconds(3600));

        LegacyScripts.run(jdbc, transactions, MIGRATION, "otp_command");

        assertThat(taskInstances()).doesNotContain(deadlineId).contains(otherId);
        assertThat(jdbc.sql("SELECT expires_at FROM otp_command.otp_expiries WHERE otp_id = ?").param(otpId)
                .query((rs, row) -> rs.getTimestamp(1).toInstant()).list()).containsExactly(expiresAt);
        Instant expiredAt = await(() -> jdbc.sql(
                        "SELECT expired_at FROM otp_query.otp_status WHERE otp_id = ? AND expired_at IS NOT NULL")
                .param(otpId).query((rs, row) -> rs.getTimestamp(1).toInstant()).optional().orElse(null),
                Duration.ofSeconds(15));
        assertThat(expiredAt).isEqualTo(expiresAt);
        assertThat(jdbc.sql("SELECT count(*) FROM otp_command.otp_expiries WHERE otp_id = ?")
                .param(otpId).query(Long.class).single()).isZero();

        jdbc.sql("DELETE FROM scheduled_tasks WHERE task_instance = ?").param(otherId).update();
    }

    private List<String> taskInstances() {
        return jdbc.sql("SELECT task_instance FROM scheduled_tasks").query(String.class).list();
    }

    /** A deadline row as Axon's db-scheduler deadline manager stored one (its binary task, no payload). */
    private void insertDeadline(String deadlineId, String name, String aggregateType, String aggregateId,
                                Instant due) throws IOException {
        byte[] scope = serializer.serialize(new AggregateScopeDescriptor(aggregateType, aggregateId), byte[].class)
                .getData();
        DbSchedulerBinaryDeadlineDetails details = new DbSchedulerBinaryDeadlineDetails(name, scope,
                AggregateScopeDescriptor.class.getName(), "null".getBytes(StandardCharsets.UTF_8), "empty", null,
                "{\"traceId\":\"t\",\"correlationId\":\"c\"}".getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(details);
        }
        jdbc.sql("""
                        INSERT INTO scheduled_tasks
                            (task_name, task_instance, task_data, execution_time, picked, version)
                        VALUES ('AxonDeadline', ?, ?, ?, false, 1)
                        """)
                .params(deadlineId, bytes.toByteArray(), Timestamp.from(due)).update();
    }
}
