package com.narvark.gateway.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Await;
import com.narvark.gateway.support.GatewayIntegrationTest;
import com.narvark.gateway.support.LegacyScripts;
import com.narvark.otp.api.crypto.SecretCipher;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A delivery in flight when the delivery saga gave way to the process table: the handover migration moves the saga's
 * stored state over, and the process carries on from it. Here the saga had handed the message to a node that is gone
 * (its queue died with it), so the re-armed look sends it again within seconds.
 */
class DeliverySagaHandoverIT extends GatewayIntegrationTest {

    private static final String MIGRATION = "db/migration/gateway/V2026_12_01_71__delivery_saga_handover.sql";

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private SecretCipher cipher;

    @Test
    void shouldCarryOnAnInFlightSagaFromItsStoredState() {
        String otpId = "otp_handover" + Long.toString(System.nanoTime(), 32);
        Instant now = Instant.now();
        String sealed = Base64.getEncoder().encodeToString(cipher.encrypt("482916", otpId));
        String saga = """
                {"otpId":"%s","accountId":"acct_handover","livemode":true,"to":"+447911123456",
                 "channels":["SMS"],"template":null,"message":null,"transaction":null,"sealedCode":"%s",
                 "expiresAt":"%s","attempt":0,"attemptDueAt":"%s","sends":1,"dispatched":false,"receipted":false,
                 "timeoutId":"t-1","sentBy":"node-killed-before-the-upgrade","sentAt":"%s"}
                """.formatted(otpId, sealed, now.plusSeconds(300), now, now);
        jdbc.sql("INSERT INTO SagaEntry (sagaId, sagaType, serializedSaga) VALUES (?, ?, ?)")
                .params("saga-" + otpId, "com.narvark.otp.delivery.DeliverySaga",
                        saga.getBytes(StandardCharsets.UTF_8)).update();

        LegacyScripts.run(jdbc, transactions, MIGRATION, "otp_delivery");

        assertThat(jdbc.sql("SELECT count(*) FROM SagaEntry WHERE sagaId = ?").param("saga-" + otpId)
                .query(Long.class).single()).isZero();
        String text = Await.until(() -> jdbc.sql(
                        "SELECT count(*) FROM otp_delivery.sandbox_messages WHERE otp_id = ?").param(otpId)
.query(Long.class).single() > 0 ? "sent" : null, Duration.ofSeconds(10));
        assertThat(text).isEqualTo("sent");
        assertThat(jdbc.sql("SELECT state FROM otp_delivery.delivery_processes WHERE otp_id = ?").param(otpId)
                .query(byte[].class).single()).asString(StandardCharsets.UTF_8).contains("\"sends\":2");
    }
}
