package com.narvark.gateway.readside;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.narvark.gateway.support.GatewayIntegrationTest;
import com.narvark.otp.api.Channel;
import com.narvark.otp.api.Destination;
import com.narvark.otp.api.GuardReason;
import com.narvark.otp.api.OtpId;
import com.narvark.otp.api.event.OtpSendRefusedEvent;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Events stored in an older shape are read through the upcasters on every path: the projection, the status fold,
 * the history (EventStore.readEvents) and the export (which reads the table with SQL).
 */
class StoredEventRevisionsIT extends GatewayIntegrationTest {

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    @Qualifier("defaultAxonObjectMapper")
    private ObjectMapper axonJson;

    /** A refusal exactly as it was stored before revision 2: no revision, no codeLength. */
    private String storeRevisionOneRefusal(Keys keys, Instant at) throws Exception {
        String otpId = OtpId.generate(new SecureRandom());
        ObjectNode payload = axonJson.valueToTree(new OtpSendRefusedEvent(otpId, keys.accountId(), false,
                new Destination(Destination.Kind.PHONE, "+447911123456"), Channel.SMS, 8, Map.of(),
                GuardReason.COUNTRY_NOT_ALLOWED, at));
        payload.remove("codeLength");
        jdbc.sql("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                    payload, payloadrevision, payloadtype, timestamp)
                VALUES (?, 0, 'Otp', ?, ?, ?, NULL, ?, ?)
                """)
                .params(otpId, UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8),
                        axonJson.writeValueAsBytes(payload), OtpSendRefusedEvent.class.getName(),
                        DateTimeUtils.formatInstant(at))
                .update();
        return otpId;
    }

    @Test
    void shouldReportTheDefaultCodeLengthWhenARefusalPredatesRevisionTwo() throws Exception {
        Keys keys = newAccount();
        Instant at = Instant.now();
        String otpId = storeRevisionOneRefusal(keys, at);

        JsonNode status = api.get("/v1/otp/" + otpId, keys.test()).json();
        assertThat(status.get("status").asString()).isEqualTo("refused");
        assertThat(status.get("code_length").asInt()).isEqualTo(6);
        JsonNode history = api.get("/v1/otp/" + otpId + "/events", keys.test()).json().get("data");
        assertThat(history.get(0).get("type").asString()).isEqualTo("otp.refused");
        assertThat(history.get(0).get("data").get("code_length").asInt()).isEqualTo(6);

        String window = "from=" + at.minusSeconds(60) + "&to=" + at.plusSeconds(60);
        String export = await(() -> {
            String body = api.get("/v1/events/export?" + window, keys.test()).body();
            return body.contains(otpId) ? body : null;
        }, Duration.ofSeconds(10));
        assertThat(export).contains("\"code_length\":6");
        assertThat(api.get("/v1/otp?status=refused", keys.test()).json().get("data").get(0).get("code_length")
                .asInt()).isEqualTo(6);
    }
}
