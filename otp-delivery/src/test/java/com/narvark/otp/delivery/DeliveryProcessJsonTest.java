package com.narvark.otp.delivery;

import static com.narvark.otp.delivery.DeliveryProcessFixture.ID;
import static com.narvark.otp.delivery.DeliveryProcessFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.narvark.otp.api.Channel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;

/**
 * The stored form of a process: the {@code delivery_processes.state} JSON keeps the field names of the saga it
 * replaced (the handover migration copied that state), and a process written and read back goes on where it was.
 */
class DeliveryProcessJsonTest {

    private static final List<String> STORED_FIELDS = List.of("otpId", "accountId", "livemode", "to", "channels",
            "template", "message", "transaction", "sealedCode", "expiresAt", "attempt", "attemptDueAt", "sends",
            "dispatched", "receipted", "sentBy", "sentAt", "due", "dueAt");

    @Test
    void shouldStoreExactlyTheSagasFieldNamesWhenWritten() throws Exception {
        DeliveryProcessFixture fixture = new DeliveryProcessFixture("node-a")
                .publish(DeliveryProcessTest.requested(true, Channel.SMS));

        JsonNode stored = new ObjectMapper().readTree(fixture.storedJson());
        List<String> names = new ArrayList<>();
        stored.fieldNames().forEachRemaining(names::add);

        assertThat(names).containsExactlyInAnyOrderElementsOf(STORED_FIELDS);
        assertThat(stored.path("otpId").asText()).isEqualTo(ID);
        assertThat(stored.path("channels")).hasSize(2);
        assertThat(stored.path("sentBy").asText()).isEqualTo("node-a");
    }

    @Test
    void shouldGoOnFromTheStoredStateWhenReadBack() {
        byte[] written = DeliveryProcesses.write(DeliveryProcess.start(DeliveryProcessTest.requested(true),
                new DeliveryStep(Clock.fixed(T0, ZoneOffset.UTC), new DeliverySettings(new StandardEnvironment()),
                        DeliveryProcessFixture.CIPHER, QueueNodes.allAlive(),
                        (otpId, attempt) -> java.util.Optional.empty(), new MemoryHandovers(), null)));

        DeliveryProcess read = DeliveryProcesses.read(written);

        assertThat(new String(DeliveryProcesses.write(read), StandardCharsets.UTF_8))
                .isEqualTo(new String(written, StandardCharsets.UTF_8));
        assertThat(read.otpId()).isEqualTo(ID);
        assertThat(read.due()).isEqualTo(DeliveryProcess.ATTEMPT_TIMEOUT);
    }
}
