package com.narvark.gateway.readside;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.GatewayIntegrationTest;
import com.narvark.otp.api.Channel;
import com.narvark.otp.api.Destination;
import com.narvark.otp.api.GuardPolicy;
import com.narvark.otp.api.OtpId;
import com.narvark.otp.api.command.SendOtpCommand;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** GET /v1/analytics against a scripted set of OTPs whose outcomes are known in advance. */
class AnalyticsIT extends GatewayIntegrationTest {

    @Autowired
    private CommandGateway commands;
    @Autowired
    private JdbcClient jdbc;

    /** From yesterday: a run that crosses midnight UTC still sees every OTP it sent. */
    private JsonNode analytics(String key, String groupBy) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Api.Response response = api.get("/v1/analytics?group_by=" + groupBy + "&from=" + today.minusDays(1)
                + "&to=" + today.plusDays(1), key);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode bucket(JsonNode analytics, String key) {
        for (JsonNode bucket : analytics.get("data")) {
            if (key == null ? bucket.get("key").isNull() : key.equals(bucket.get("key").asString())) {
                return bucket;
            }
        }
        throw new AssertionError("no bucket " + key + " in " + analytics);
    }

    private String send(String key, String to, String channel, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("to", to, "channel", channel));
        body.putAll(extra);
        Api.Response response = api.post("/v1/otp/send", key, Api.json(body));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.text("id");
    }

    private void verify(String key, String otpId, String... codes) {
        for (String code : codes) {
            api.post("/v1/otp/verify", key, Api.json(Map.of("id", otpId, "code", code)));
        }
    }

    private JsonNode awaitStatus(String key, String otpId, String status) {
        return await(() -> {
            JsonNode otp = api.get("/v1/otp/" + otpId, key).json();
            return status.equals(otp.path("status").asString()) ? otp : null;
        }, Duration.ofSeconds(20));
    }

    /** Test-mode delivery is simulated asynchronously: a verified OTP may not show its delivery yet. */
    private JsonNode awaitDelivered(String key, String otpId, String status) {
        return await(() -> {
            JsonNode otp = awaitStatus(key, otpId, status);
            return otp.path("delivered_at").isNull() || otp.path("delivered_at").isMissingNode() ? null : otp;
        }, Duration.ofSeconds(20));
    }

    @Test
    void shouldCountEveryOutcomeAndExactPercentilesWhenTestOtpsEndKnownWays() {
        Keys keys = newAccount();
        String t = keys.test();
        List<String> sms = List.of(send(t, "+447400123456", "sms", Map.of()),
                send(t, "+447400123457", "sms", Map.of()), send(t, "+33612345679", "sms", Map.of()));
        String email = send(t, "jane@example.com", "email", Map.of());
        String voice = send(t, "+33612345678", "voice", Map.of());
        verify(t, sms.get(0), "123456");
        verify(t, sms.get(1), "000000", "123456");
        verify(t, email, "123456");
        verify(t, voice, "000000", "000000", "000000", "000000", "000000");
        List<JsonNode> smsOtps = new ArrayList<>();
        smsOtps.add(awaitDelivered(t, sms.get(0), "verified"));
        smsOtps.add(awaitDelivered(t, sms.get(1), "verified"));
        smsOtps.add(awaitDelivered(t, sms.get(2), "delivered"));
        awaitStatus(t, email, "verified");
        awaitStatus(t, voice, "locked");
        // The analytics projection is a processor of its own: wait until it has seen the last outcome too.
        await(() -> bucket(analytics(t, "channel"), "voice").get("locked").asLong() == 1, Duration.ofSeconds(20));
        await(() -> bucket(analytics(t, "channel"), "sms").get("delivered").asLong() == 3, Duration.ofSeconds(20));

        JsonNode byChannel = analytics(t, "channel");
        assertThat(byChannel.get("livemode").asBoolean()).isFalse();
        assertThat(byChannel.get("data")).hasSize(3);
        JsonNode smsBucket = bucket(byChannel, "sms");
        assertThat(counts(smsBucket)).isEqualTo(List.of(3L, 3L, 3L, 0L, 2L, 0L, 0L, 0L, 0L));
        assertThat(smsBucket.get("conversion").asDouble()).isEqualTo(0.6667);
        assertThat(counts(bucket(byChannel, "email"))).isEqualTo(List.of(1L, 1L, 1L, 0L, 1L, 0L, 0L, 0L, 0L));
        assertThat(counts(bucket(byChannel, "voice"))).isEqualTo(List.of(1L, 1L, 1L, 0L, 0L, 0L, 0L, 1L, 0L));
        assertThat(bucket(byChannel, "voice").get("conversion").asDouble()).isZero();

        List<Long> delivered = smsOtps.stream().map(o -> millis(o, "delivered_at")).sorted().toList();
        List<Long> verified = smsOtps.subList(0, 2).stream().map(o -> millis(o, "verified_at")).sorted().toList();
        JsonNode toDelivered = smsBucket.get("send_to_delivered");
        assertThat(toDelivered.get("p50_ms").asLong()).isEqualTo(Math.round(percentile(delivered, 0.5)));
        assertThat(toDelivered.get("p95_ms").asLong()).isEqualTo(Math.round(percentile(delivered, 0.95)));
        JsonNode toVerified = smsBucket.get("send_to_verified");
        assertThat(toVerified.get("p50_ms").asLong()).isEqualTo(Math.round(percentile(verified, 0.5)));
        assertThat(toVerified.get("p95_ms").asLong()).isEqualTo(Math.round(percentile(verified, 0.95)));
        assertThat(bucket(byChannel, "voice").get("send_to_verified").get("p50_ms").isNull()).isTrue();

        JsonNode byCountry = analytics(t, "country");
        assertThat(bucket(byCountry, "GB").get("sent").asLong()).isEqualTo(2);
        assertThat(bucket(byCountry, "FR").get("sent").asLong()).isEqualTo(2);
        assertThat(bucket(byCountry, null).get("sent").asLong()).isEqualTo(1);
        long perDay = 0;
        for (JsonNode day : analytics(t, "day").get("data")) {
            assertThat(day.get("key").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
            perDay += day.get("sent").asLong();
        }
        assertThat(perDay).isEqualTo(5);
        assertThat(analytics(keys.live(), "channel").get("data")).isEmpty();
        assertThat(analytics(newAccount().test(), "channel").get("data")).isEmpty();
    }

    @Test
    void shouldCountFallbacksFailuresAndExpiriesWhenLiveOtpsEndBadly() {
        Keys keys = newAccount();
        String l = keys.live();
        String fellBack = send(l, "+447400900001", "whatsapp", Map.of("fallback", "sms"));
        String failed = send(l, "+447400900002", "whatsapp", Map.of());
        // Sent a minute ago with the shortest ttl: its expiry row is already due.
        String expired = OtpId.generate(new SecureRandom());
        commands.sendAndWait(new SendOtpCommand(expired, keys.accountId(), true,
                new Destination(Destination.Kind.PHONE, "+4915112345678"), "DE", Channel.SMS, List.of(), 6, 60, 5,
                null, Map.of(), GuardPolicy.DEFAULT, Instant.now().minusSeconds(61)));
        awaitStatus(l, fellBack, "delivered");
        awaitStatus(l, failed, "failed");
        awaitStatus(l, expired, "expired");
        await(() -> bucket(analytics(l, "channel"), "sms").get("expired").asLong() == 1, Duration.ofSeconds(20));
        await(() -> bucket(analytics(l, "channel"), "whatsapp").get("failed").asLong() == 1, Duration.ofSeconds(20));

        JsonNode byChannel = analytics(l, "channel");
        assertThat(byChannel.get("livemode").asBoolean()).isTrue();
        // The fallback's SMS was delivered (the sandbox delivers on acceptance); it counts under the requested channel.
        assertThat(counts(bucket(byChannel, "whatsapp"))).isEqualTo(List.of(2L, 1L, 1L, 0L, 0L, 0L, 1L, 0L, 1L));
        assertThat(counts(bucket(byChannel, "sms"))).isEqualTo(List.of(1L, 0L, 0L, 0L, 0L, 1L, 0L, 0L, 0L));
        assertThat(bucket(byChannel, "whatsapp").get("send_to_delivered").get("p50_ms").isNull()).isFalse();
        assertThat(bucket(byChannel, "sms").get("send_to_delivered").get("p50_ms").isNull()).isTrue();
        JsonNode byCountry = analytics(l, "country");
        assertThat(bucket(byCountry, "GB").get("sent").asLong()).isEqualTo(2);
        assertThat(bucket(byCountry, "DE").get("sent").asLong()).isEqualTo(1);
    }

    @Test
    void shouldRefuseWithTheOffendingParamWhenTheQueryIsMalformed() {
        Keys keys = newAccount();
        Map<String, String> hostile = Map.of("group_by=week", "group_by", "from=2026-02-30", "from",
                "from=2026-11-20&to=2026-11-10", "from", "from=2024-01-01&to=2026-01-01", "to",
                "to=tomorrow", "to", "group_by=day&group_by=channel", "group_by", "format=csv", "format");
        hostile.forEach((query, param) -> {
            Api.Response response = api.get("/v1/analytics?" + query, keys.test());
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.json().get("error").get("param").asString()).as(query).isEqualTo(param);
        });
        assertThat(api.get("/v1/analytics", null).status()).isEqualTo(401);
        assertThat(api.get("/v1/analytics", keys.test()).status()).isEqualTo(200);
    }

    @Test
    void shouldLetTheAnalystRoleReadTheReadModelsOnlyWhenMigrated() {
        for (String table : List.of("otp_query.otp_status", "otp_query.otp_analytics", "otp_query.otp_analytics_daily",
                "otp_query.otp_failure_analytics")) {
            assertThat(privilege(table, "SELECT")).as(table).isTrue();
            assertThat(privilege(table, "INSERT") || privilege(table, "UPDATE") || privilege(table, "DELETE"))
                    .as(table).isFalse();
        }
        for (String table : List.of("domainevententry", "accounts.api_keys", "otp_delivery.sandbox_messages")) {
            assertThat(privilege(table, "SELECT")).as(table).isFalse();
        }
        // The read models left public for otp-query's schema: the role may look into that schema, no other module's.
        assertThat(schemaUsage("otp_query")).isTrue();
        assertThat(schemaUsage("accounts") || schemaUsage("otp_delivery") || schemaUsage("gateway")).isFalse();
        assertThat(jdbc.sql("SELECT rolcanlogin FROM pg_roles WHERE rolname = 'narvark_analyst'")
                .query(Boolean.class).single()).isFalse();
    }

    private boolean schemaUsage(String schema) {
        return jdbc.sql("SELECT has_schema_privilege('narvark_analyst', ?, 'USAGE')").param(schema)
                .query(Boolean.class).single();
    }

    private boolean privilege(String table, String privilege) {

        return jdbc.sql("SELECT has_table_privilege('narvark_analyst', ?, ?)").params(table, privilege)
                .query(Boolean.class).single();
    }

    /** sent, dispatched, delivered, read, verified, expired, failed, locked, fallback_used. */
    private static List<Long> counts(JsonNode bucket) {
        return List.of("sent", "dispatched", "delivered", "read", "verified", "expired", "failed", "locked",
                "fallback_used").stream().map(field -> bucket.get(field).asLong()).toList();
    }

    private static long millis(JsonNode otp, String field) {
        return Duration.between(Instant.parse(otp.get("created_at").asString()),
                Instant.parse(otp.get(field).asString())).toMillis();
    }

    /** PostgreSQL's percentile_cont: linear interpolation between the two nearest ranks. */
    private static double percentile(List<Long> sorted, double fraction) {
        double rank = fraction * (sorted.size() - 1);
        int below = (int) Math.floor(rank);
        int above = (int) Math.ceil(rank);
        return sorted.get(below) + (rank - below) * (sorted.get(above) - sorted.get(below));
    }
}
