package com.narvark.gateway.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.GatewayIntegrationTest;
import com.narvark.otp.api.Channel;
import com.narvark.otp.api.command.RecordOtpDispatchedCommand;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** GET /v1/usage against a scripted set of OTPs whose billable dispatches are known in advance. */
class UsageIT extends GatewayIntegrationTest {

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private CommandGateway commands;

    private String send(String key, String to, String channel, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("to", to, "channel", channel));
        body.putAll(extra);
        Api.Response response = api.post("/v1/otp/send", key, Api.json(body));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.text("id");
    }

    private void awaitStatus(String key, String otpId, String status) {
        await(() -> status.equals(api.get("/v1/otp/" + otpId, key).text("status")), Duration.ofSeconds(20));
    }

    private JsonNode usage(String key, String query) {
        Api.Response response = api.get("/v1/usage" + query, key);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static Map<String, Long> units(JsonNode usage) {
        Map<String, Long> units = new HashMap<>();
        usage.get("data").forEach(line -> units.put(line.get("channel").asString(), line.get("units").asLong()));
        return units;
    }

    @Test
    void shouldCountOneUnitPerLiveDispatchWhenOtpsFallBackFailAndUseTestKeys() {
        YearMonth month = YearMonth.now(ZoneOffset.UTC);
        Keys keys = newAccount();
        String l = keys.live();
        String sms = send(l, "+447400123456", "sms", Map.of());
        String email = send(l, "jane@example.com", "email", Map.of());
        String whatsapp = send(l, "+447400123457", "whatsapp", Map.of());
        // Refused on WhatsApp (never dispatched there), then dispatched by SMS: one SMS unit only.
        String fellBack = send(l, "+447400900001", "whatsapp", Map.of("fallback", List.of("sms")));
        // Refused on every channel: nothing was dispatched, nothing is billed.
        String failed = send(l, "+447400900002", "whatsapp", Map.of());
        // The test environment is free, whatever happens to its OTPs (fallbacks included).
        String test = send(keys.test(), "+15005550003", "whatsapp", Map.of("fallback", List.of("sms")));
        String testEmail = send(keys.test(), "jane@example.com", "email", Map.of());
        for (String id : List.of(sms, whatsapp, fellBack)) {
            awaitStatus(l, id, "delivered");
        }
        awaitStatus(l, failed, "failed");
        awaitStatus(keys.test(), test, "delivered");
        awaitStatus(keys.test(), testEmail, "delivered");
        await(() -> usage(l, "").get("total_units").asLong() == 4, Duration.ofSeconds(20));

        JsonNode current = usage(l, "?month=" + month);
        assertThat(current.get("object").asString()).isEqualTo("usage");
        assertThat(current.get("month").asString()).isEqualTo(month.toString());
        assertThat(current.get("livemode").asBoolean()).isTrue();
        assertThat(units(current)).isEqualTo(Map.of("sms", 2L, "email", 1L, "whatsapp", 1L));
        assertThat(current.get("total_units").asLong()).isEqualTo(4);
        // Short texts: every dispatch went out as one carrier message, so the parts billed equal the units.
        assertThat(current.get("total_parts").asLong()).isEqualTo(4);
        current.get("data").forEach(line -> assertThat(line.get("parts").asLong())
                .isEqualTo(line.get("units").asLong()));
        assertThat(usage(l, "?month=" + month.minusMonths(1)).get("data")).isEmpty();
        JsonNode testUsage = usage(keys.test(), "");
        assertThat(testUsage.get("livemode").asBoolean()).isFalse();
        assertThat(testUsage.get("total_units").asLong()).isZero();
        assertThat(usage(newAccount().live(), "").get("data")).isEmpty();
        // Every unit can be traced to the OTP dispatch behind it.
        assertThat(jdbc.sql("SELECT otp_id FROM otp_query.usage_dispatches WHERE account_id = ? ORDER BY otp_id")
                .param(keys.accountId()).query(String.class).list())
                .containsExactlyInAnyOrder(sms, email, whatsapp, fellBack);
    }

    @Test
    void shouldCountBothChannelsOnceWhenThePrimaryAndTheFallbackWereBothDispatched() {
        Keys keys = newAccount();
        String otp = send(keys.live(), "+447400123459", "whatsapp", Map.of("fallback", List.of("sms")));
        awaitStatus(keys.live(), otp, "delivered");
        // As when the primary's receipt timed out and the fallback went out too; the carrier's second report of the
        // primary's dispatch is no new dispatch.
        commands.sendAndWait(new RecordOtpDispatchedCommand(otp, Channel.SMS, 1, "scripted-fallback"));
        commands.sendAndWait(new RecordOtpDispatchedCommand(otp, Channel.WHATSAPP, 0, "scripted-duplicate"));
        commands.sendAndWait(new RecordOtpDispatchedCommand(otp, Channel.SMS, 1, "scripted-duplicate"));
        await(() -> usage(keys.live(), "").get("total_units").asLong() == 2, Duration.ofSeconds(20));

        assertThat(units(usage(keys.live(), ""))).isEqualTo(Map.of("whatsapp", 1L, "sms", 1L));
    }

    @Test
    void shouldRebuildTheSameNumbersWhenTheUsageProjectionIsReplayed() {
        Keys keys = newAccount();
        String sms = send(keys.live(), "+447400123458", "sms", Map.of());
        String fellBack = send(keys.live(), "+447400900003", "whatsapp", Map.of("fallback", List.of("voice")));
        awaitStatus(keys.live(), sms, "delivered");
        awaitStatus(keys.live(), fellBack, "delivered");
        await(() -> usage(keys.live(), "").get("total_units").asLong() == 2, Duration.ofSeconds(20));
        JsonNode before = usage(keys.live(), "");

        jdbc.sql("DELETE FROM otp_query.usage_dispatches WHERE otp_id = ?").param(sms).update();
        Api.Response rebuild = api.post("/v1/admin/projections/otp-usage/rebuild", ADMIN_TOKEN, "");
        assertThat(rebuild.status()).as(rebuild.toString()).isEqualTo(202);
        await(() -> {
            JsonNode s = api.get("/v1/admin/projections/otp-usage", ADMIN_TOKEN).json();
            return "live".equals(s.get("state").asString()) && !s.get("segments").isEmpty();
        }, Duration.ofSeconds(60));

        assertThat(usage(keys.live(), "")).isEqualTo(before);
        assertThat(units(before)).isEqualTo(Map.of("sms", 1L, "voice", 1L));
    }

    @Test
    void shouldRefuseWithTheOffendingParamWhenTheMonthIsMalformed() {
        Keys keys = newAccount();
        for (String query : List.of("month=2026-13", "month=2026-1", "month=november", "month=2026-11-01",
                "month=2026-11&month=2026-10", "from=2026-11")) {
            Api.Response response = api.get("/v1/usage?" + query, keys.live());
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.json().get("error").get("param").asString()).as(query)
                    .isEqualTo(query.startsWith("from") ? "from" : "month");
        }
        assertThat(api.get("/v1/usage", null).status()).isEqualTo(401);
        assertThat(api.get("/v1/usage", "nvk_live_sk_" + "a".repeat(32)).status()).isEqualTo(401);
    }
}
