package com.narvark.gateway.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.GatewayIntegrationTest;
import com.narvark.otp.api.Channel;
import com.narvark.otp.api.Destination;
import com.narvark.otp.api.GuardPolicy;
import com.narvark.otp.api.OtpId;
import com.narvark.otp.api.command.SendOtpCommand;
import java.net.http.HttpRequest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Expiry as data: an OTP has an {@code otp_expiries} row from its send until it ends, and the poller expires it
 * within the poll interval (500 ms) of its ttl.
 */
class OtpExpiryIT extends GatewayIntegrationTest {

    /** The poll interval plus the claim and the command, with room for a busy machine. */
    private static final Duration PROMPTLY = Duration.ofSeconds(1);

    @Autowired
    private CommandGateway commands;
    @Autowired
    private JdbcClient jdbc;

    private Optional<Instant> expiryRow(String otpId) {
        return jdbc.sql("SELECT expires_at FROM otp_command.otp_expiries WHERE otp_id = ?").param(otpId)
                .query((rs, row) -> rs.getTimestamp(1).toInstant()).optional();
    }

    /** When the expire command applied the event: the event store's own timestamp of it. */
    private Optional<Instant> expiredEventAt(String otpId) {
        return jdbc.sql("SELECT timestamp FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype = ?")
                .params(otpId, "com.narvark.otp.api.event.OtpExpiredEvent")
                .query((rs, row) -> Instant.parse(rs.getString(1))).optional();
    }

    @Test
    void shouldExpireWithinASecondOfItsTtlWhenNeverVerified() {
        Keys keys = newAccount();
        String otpId = OtpId.generate(new SecureRandom());
        Instant requestedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant expiresAt = requestedAt.plusSeconds(2);
        // Through the command: the API's shortest ttl is a minute.
        commands.sendAndWait(new SendOtpCommand(otpId, keys.accountId(), true,
                new Destination(Destination.Kind.PHONE, "+447911123456"), "GB", Channel.SMS, List.of(), 6, 2, 5,
                null, Map.of(), GuardPolicy.DEFAULT, requestedAt));
        assertThat(expiryRow(otpId)).contains(expiresAt);

        Instant expiredAt = await(() -> expiredEventAt(otpId).orElse(null), Duration.ofSeconds(10));

        assertThat(expiredAt).isBetween(expiresAt, expiresAt.plus(PROMPTLY));
        assertThat(expiryRow(otpId)).as("the expire command deletes the row").isEmpty();
        JsonNode status = await(() -> {
            JsonNode otp = api.get("/v1/otp/" + otpId, keys.live()).json();
            return "expired".equals(otp.path("status").asString()) ? otp : null;
        }, Duration.ofSeconds(10));
        assertThat(Instant.parse(status.get("expired_at").asString())).isEqualTo(expiresAt);
    }

    @Test
    void shouldDropTheExpiryRowWhenVerified() {
        Keys keys = newAccount();
        JsonNode sent = api.post("/v1/otp/send", keys.live(), "{\"to\":\"+447911123456\",\"channel\":\"sms\"}").json();
        String otpId = sent.get("id").asString();
        assertThat(expiryRow(otpId).orElseThrow())
                .isCloseTo(Instant.parse(sent.get("expires_at").asString()), within(1, ChronoUnit.MILLIS));

        JsonNode verified = api.post("/v1/otp/verify", keys.live(),
                Api.json(Map.of("id", otpId, "code", sandboxCode(keys.live(), otpId)))).json();

        assertThat(verified.get("valid").asBoolean()).isTrue();
        assertThat(expiryRow(otpId)).isEmpty();
    }

    @Test
    void shouldDropTheExpiryRowWhenCancelled() {
        Keys keys = newAccount();
        String otpId = api.post("/v1/otp/send", keys.test(), "{\"to\":\"+15005550001\",\"channel\":\"sms\"}")
                .text("id");
        assertThat(expiryRow(otpId)).isPresent();

        Api.Response cancelled = api.send(api.request("/v1/otp/" + otpId + "/cancel", keys.test())
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(expiryRow(otpId)).isEmpty();
    }
}
