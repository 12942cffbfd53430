package com.narvark.gateway.readside;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.GatewayIntegrationTest;
import com.narvark.otp.api.Channel;
import com.narvark.otp.api.Destination;
import com.narvark.otp.api.OtpId;
import com.narvark.otp.api.crypto.SecretCipher;
import com.narvark.otp.api.event.OtpRequestedEvent;
import com.narvark.otp.api.event.OtpVerificationFailedEvent;
import com.narvark.otp.command.CodeHasher;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Events stored before issue 16 have no message options, no transaction and no verification-failure reason. They
 * must still read, fold and verify: as English, unbranded, bound to no transaction.
 */
class EventsBeforeMessagesIT extends GatewayIntegrationTest {

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    @Qualifier("defaultAxonObjectMapper")
    private ObjectMapper axonJson;
    @Autowired
    private CodeHasher hasher;
    @Autowired
    private SecretCipher cipher;

    private void store(String otpId, long sequence, Object event, String... removed) throws Exception {
        ObjectNode payload = axonJson.valueToTree(event);
        payload.remove(List.of(removed));
        jdbc.sql("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                    payload, payloadrevision, payloadtype, timestamp)
                VALUES (?, ?, 'Otp', ?, ?, ?, NULL, ?, ?)
                """)
                .params(otpId, sequence, UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8),
                        axonJson.writeValueAsBytes(payload), event.getClass().getName(),
                        DateTimeUtils.formatInstant(Instant.now()))
                .update();
    }

    @Test
    void shouldReadFoldAndVerifyWhenTheEventsPredateMessageOptions() throws Exception {
        Keys keys = newAccount();
        String otpId = OtpId.generate(new SecureRandom());
        Instant now = Instant.now();
        store(otpId, 0, new OtpRequestedEvent(otpId, keys.accountId(), false,
                new Destination(Destination.Kind.PHONE, "+447911123456"), Channel.SMS, List.of(), 6, 5, null,
                Map.of(), hasher.hash(otpId, "123456"), cipher.encrypt("123456", otpId), now,
                now.plusSeconds(300), "deadline-before-messages"), "message", "transaction");
        store(otpId, 1, new OtpVerificationFailedEvent(otpId, 1, 4, now), "reason");

        JsonNode status = api.get("/v1/otp/" + otpId, keys.test()).json();
        assertThat(status.path("status").asString()).isEqualTo("pending");
        assertThat(status.path("attempts_used").asInt()).isEqualTo(1);
        assertThat(status.path("locale").isNull()).isTrue();
        assertThat(status.path("brand").isNull()).isTrue();
        assertThat(status.path("transaction").isNull()).isTrue();
        JsonNode history = api.get("/v1/otp/" + otpId + "/events", keys.test()).json().get("data");
        assertThat(history.get(0).path("data").path("locale").isNull()).isTrue();
        assertThat(history.get(1).path("data").has("reason")).isFalse();

        Api.Response verified = api.post("/v1/otp/verify", keys.test(),
                Api.json(Map.of("id", otpId, "code", "123456")));
        assertThat(verified.json().path("valid").asBoolean()).as(verified.toString()).isTrue();
    }
}
