package com.narvark.gateway.readside;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.narvark.gateway.support.GatewayIntegrationTest;
import com.narvark.otp.api.Channel;
import com.narvark.otp.api.Destination;
import com.narvark.otp.api.OtpId;
import com.narvark.otp.api.event.OtpDeliveryFailedEvent;
import com.narvark.otp.api.event.OtpDispatchedEvent;
import com.narvark.otp.api.event.OtpEvent;
import com.narvark.otp.api.event.OtpFailedEvent;
import com.narvark.otp.api.event.OtpRequestedEvent;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
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
 * An OTP that failed before the failure taxonomy, stored exactly as it was then (carrier-shaped reasons, no carrier
 * error, no parts): the status, the history and the failure analytics read it in today's words.
 */
class LegacyFailureEventsIT extends GatewayIntegrationTest {

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    @Qualifier("defaultAxonObjectMapper")
    private ObjectMapper axonJson;

    /** Stores the event as its class serialised before issue 16: the fields added since are removed. */
    private void store(String otpId, long sequence, OtpEvent event, Instant at, String... addedSince)
            throws Exception {
        ObjectNode payload = axonJson.valueToTree(event);
        for (String field : addedSince) {
            payload.remove(field);
        }
        jdbc.sql("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                    payload, payloadrevision, payloadtype, timestamp)
                VALUES (?, ?, 'Otp', ?, ?, ?, NULL, ?, ?)
                """)
                .params(otpId, sequence, UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8),
                        axonJson.writeValueAsBytes(payload), event.getClass().getName(),
                        DateTimeUtils.formatInstant(at))
                .update();
    }

    @Test
    void shouldSpeakTheTaxonomyWhenTheFailureWasStoredBeforeIt() throws Exception {
        Keys keys = newAccount();
        String otpId = OtpId.generate(new SecureRandom());
        // Already expired when stored, so the delivery process it starts has nothing left to send.
        Instant at = Instant.now().minusSeconds(600);
        store(otpId, 0, new OtpRequestedEvent(otpId, keys.accountId(), false,
                new Destination(Destination.Kind.PHONE, "+447911123456"), Channel.WHATSAPP, List.of(Channel.SMS), 6,
                5, "otp_verification", Map.of(), new byte[32], new byte[40], at, at.plusSeconds(60), "d-legacy"),
                at);
        store(otpId, 1, new OtpDeliveryFailedEvent(otpId, Channel.WHATSAPP, 0, "whatsapp_131026", at), at,
                "carrierError");
        store(otpId, 2, new OtpDispatchedEvent(otpId, Channel.SMS, 1, "SM1", at), at, "parts", "encoding");
        store(otpId, 3, new OtpDeliveryFailedEvent(otpId, Channel.SMS, 1, "smpp_status_11", at), at, "carrierError");
        store(otpId, 4, new OtpFailedEvent(otpId, "smpp_status_11", at), at, "carrierError");

        JsonNode status = await(() -> {
            JsonNode otp = api.get("/v1/otp/" + otpId, keys.test()).json();
            return "failed".equals(otp.get("status").asString()) ? otp : null;
        }, Duration.ofSeconds(10));
        assertThat(status.get("failure_reason").asString()).isEqualTo("invalid_destination");
        assertThat(status.get("carrier_error").asString()).isEqualTo("smpp:0x0000000B");
        assertThat(status.get("parts").asInt()).isEqualTo(1);
        JsonNode whatsApp = status.get("delivery_attempts").get(0);
        assertThat(whatsApp.get("failure_reason").asString()).isEqualTo("unreachable");
        assertThat(whatsApp.get("carrier_error").asString()).isEqualTo("whatsapp:131026");

        JsonNode history = api.get("/v1/otp/" + otpId + "/events", keys.test()).json().get("data");
        JsonNode failed = history.get(4).get("data");
        assertThat(failed.get("reason").asString()).isEqualTo("smpp_status_11");
        assertThat(failed.get("failure_reason").asString()).isEqualTo("invalid_destination");
        assertThat(history.get(2).get("data").get("parts").asInt()).isEqualTo(1);

        String window = "from=" + at.atZone(java.time.ZoneOffset.UTC).toLocalDate() + "&to="
                + Instant.now().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        JsonNode buckets = await(() -> {
            JsonNode data = api.get("/v1/analytics/failures?" + window, keys.test()).json().get("data");
            return data.size() >= 2 ? data : null;
        }, Duration.ofSeconds(10));
        assertThat(buckets.toString()).contains("\"failure_reason\":\"invalid_destination\"",
                "\"failure_reason\":\"unreachable\"");
    }
}
