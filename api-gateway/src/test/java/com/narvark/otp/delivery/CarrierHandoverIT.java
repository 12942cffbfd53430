package com.narvark.otp.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.NarvarkApplication;
import com.narvark.gateway.support.Await;
import com.narvark.gateway.support.GatewayIntegrationTest;
import com.narvark.otp.api.crypto.SecretCipher;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hand-over mark on PostgreSQL: an attempt is handed to a carrier once, by one node, never after its delivery
 * ended; and a process whose node died inside the carrier call is recorded as dispatched by the node taking over,
 * not sent a second time, while one whose node died before the call is sent again. The processes are written as a
 * killed node leaves them (its heartbeat never seen here). Lives in the delivery package to use the mark directly.
 */
@SpringBootTest(classes = NarvarkApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CarrierHandoverIT extends GatewayIntegrationTest {

    private static final String KILLED = "node-killed-in-a-test";

    @Autowired
    private CarrierHandovers handovers;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private SecretCipher cipher;
    @Autowired
    private NodeLiveness nodes;

    @Test
    void shouldHandEachAttemptOverOnceAndNeverAfterItsDeliveryEnded() {
        String otpId = process("mark", Instant.now().plus(Duration.ofMinutes(5)));

        assertThat(handovers.begin(otpId, 0)).isTrue();
        assertThat(handovers.begin(otpId, 0)).as("another worker or node, same attempt").isFalse();
        assertThat(handovers.begun(otpId, 0)).isTrue();
        assertThat(handovers.begun(otpId, 1)).isFalse();
        assertThat(handovers.begin(otpId, 1)).as("the fallback").isTrue();
        assertThat(handovers.begin(otpId, 0)).as("an attempt already left behind").isFalse();

        jdbc.sql("DELETE FROM otp_delivery.delivery_processes WHERE otp_id = ?").param(otpId).update();
        assertThat(handovers.begin(otpId, 2)).as("the OTP ended: nothing more to hand over").isFalse();
    }

    @Test
    void shouldRecordTheDispatchOfAMessageItsDeadNodeHadHandedOverAndSendAgainOneItHadNot() {
        Await.until(() -> nodes.gone(KILLED) ? "trusted" : null, Duration.ofSeconds(10)); // a node just started waits
        Instant now = Instant.now();
        String handedOver = process("died-in-call", now);
        String queued = process("died-queued", now);
        jdbc.sql("UPDATE otp_delivery.delivery_processes SET handed_over_attempt = 0 WHERE otp_id = ?")
                .param(handedOver).update();

        Await.until(() -> sandboxMessages(queued) > 0 ? "sent" : null, Duration.ofSeconds(10));
        Await.until(() -> state(handedOver).contains("\"dueAt\":\"" + now) ? null : "fired", Duration.ofSeconds(10));

        assertThat(state(queued)).as("sent again by this node").contains("\"sends\":2");
        assertThat(handovers.begun(queued, 0)).as("and marked by it on the way").isTrue();
        assertThat(sandboxMessages(handedOver)).as("the carrier may have it: never sent twice").isZero();
        assertThat(state(handedOver)).as("its dispatch is being recorded, not sent again").contains("\"sends\":1")
                .contains("\"due\":\"attempt\"");
        Instant retry = Instant.parse(state(handedOver).replaceAll("(?s).*\"dueAt\":\"([^\"]+)\".*", "$1"));
        assertThat(retry).as("the recording's own retry, not another send's check")
                .isAfter(now.plus(DeliveryProcess.COMMAND_RETRY).minusSeconds(1));
    }

    /** A live process (the tests' SMS carrier is the sandbox provider) whose attempt 0 a killed node held. */
    private String process(String name, Instant dueAt) {
        String otpId = "otp_" + name.replace("-", "") + Long.toString(System.nanoTime(), 32);
        Instant now = Instant.now();
        String state = """
                {"otpId":"%s","accountId":"acct_handover","livemode":true,"to":"+447911123456",
                 "channels":["SMS"],"template":null,"message":null,"transaction":null,"sealedCode":"%s",
                 "expiresAt":"%s","attempt":0,"attemptDueAt":"%s","sends":1,"dispatched":false,"receipted":false,
                 "sentBy":"%s","sentAt":"%s","due":"attempt","dueAt":"%s"}
                """.formatted(otpId, Base64.getEncoder().encodeToString(cipher.encrypt("482916", otpId)),
                now.plusSeconds(300), now, KILLED, now, dueAt);
        jdbc.sql("INSERT INTO otp_delivery.delivery_processes (otp_id, state, due_at) VALUES (?, ?, ?)")
                .params(otpId, state.getBytes(StandardCharsets.UTF_8), Timestamp.from(dueAt)).update();
        return otpId;
    }

    private String state(String otpId) {
        return new String(jdbc.sql("SELECT state FROM otp_delivery.delivery_processes WHERE otp_id = ?")
                .param(otpId).query(byte[].class).single(), StandardCharsets.UTF_8);
    }

    private long sandboxMessages(String otpId) {
        return jdbc.sql("SELECT count(*) FROM otp_delivery.sandbox_messages WHERE otp_id = ?").param(otpId)
                .query(Long.class).single();
    }
}
