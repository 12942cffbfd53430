package com.narvark.gateway.readside;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.GatewayIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Rebuilding a projection from the event store gives back exactly the live table. The live rows are tampered with
 * before the rebuild, so a rebuild that did not really replay the store cannot pass.
 */
class ProjectionRebuildIT extends GatewayIntegrationTest {

    private static final List<String> PROJECTIONS = List.of("otp-status", "otp-analytics");

    @Autowired
    private JdbcClient jdbc;

    private List<String> rows(String table, String accountId) {
        return jdbc.sql("SELECT t::text FROM " + table + " t WHERE account_id = ? ORDER BY otp_id")
                .param(accountId).query(String.class).list();
    }

    private boolean settled(String table, String verifiedClause, String verified, String locked, String fellBack) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE (otp_id = ? AND " + verifiedClause
                        + " AND delivered_at IS NOT NULL) OR (otp_id = ? AND locked_at IS NOT NULL AND delivered_at "
                        + "IS NOT NULL) OR (otp_id = ? AND delivered_at IS NOT NULL)")
                .params(verified, locked, fellBack).query(Long.class).single() == 3;
    }

    private JsonNode status(String name) {
        Api.Response response = api.get("/v1/admin/projections/" + name, ADMIN_TOKEN);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private String awaitStatus(String key, String otpId, String status) {
        return await(() -> status.equals(api.get("/v1/otp/" + otpId, key).text("status")) ? status : null,
                Duration.ofSeconds(20));
    }

    @Test
    void shouldRebuildTablesIdenticalToTheLiveOnesWhenProjectionsAreReplayed() {
        Keys keys = newAccount();
        String verified = api.post("/v1/otp/send", keys.test(), "{\"to\":\"+447400123456\",\"channel\":\"sms\"}")
                .text("id");
        api.post("/v1/otp/verify", keys.test(), Api.json(Map.of("id", verified, "code", "123456")));
        String locked = api.post("/v1/otp/send", keys.test(), "{\"to\":\"jane@example.com\",\"channel\":\"email\","
                + "\"metadata\":{\"k\":\"v\"}}").text("id");
        for (int i = 0; i < 5; i++) {
            api.post("/v1/otp/verify", keys.test(), Api.json(Map.of("id", locked, "code", "000000")));
        }
        String fellBack = api.post("/v1/otp/send", keys.live(), "{\"to\":\"+447400900777\",\"channel\":\"whatsapp\","
                + "\"fallback\":[\"sms\",\"voice\"]}").text("id");
        awaitStatus(keys.test(), verified, "verified");
        awaitStatus(keys.test(), locked, "locked");
        awaitStatus(keys.live(), fellBack, "delivered");
        // Test-mode delivery is simulated asynchronously, and the status API reads its own writes (it folds events the
        // table has not applied yet): wait until both tables themselves hold every last outcome.
        await(() -> settled("otp_query.otp_status", "status = 'verified'", verified, locked, fellBack)
                && settled("otp_query.otp_analytics", "verified_at IS NOT NULL", verified, locked, fellBack),
                Duration.ofSeconds(20));
        List<String> liveStatus = rows("otp_query.otp_status", keys.accountId());
        List<String> liveAnalytics = rows("otp_query.otp_analytics", keys.accountId());
        assertThat(liveStatus).hasSize(3);

        jdbc.sql("UPDATE otp_query.otp_status SET status = 'pending', attempts_used = 0 WHERE otp_id = ?").param(locked)
                .update();
        jdbc.sql("DELETE FROM otp_query.otp_analytics WHERE otp_id = ?").param(verified).update();
        for (String name : PROJECTIONS) {
            Api.Response rebuild = api.post("/v1/admin/projections/" + name + "/rebuild", ADMIN_TOKEN, "");
            assertThat(rebuild.status()).as(rebuild.toString()).isEqualTo(202);
            assertThat(rebuild.json().get("name").asString()).isEqualTo(name);
        }
        for (String name : PROJECTIONS) {
            JsonNode done = await(() -> {
                JsonNode s = status(name);
                return "live".equals(s.get("state").asString()) && !s.get("segments").isEmpty() ? s : null;
            }, Duration.ofSeconds(60));
            assertThat(done.get("progress").asDouble()).isEqualTo(1.0);
        }

        assertThat(rows("otp_query.otp_status", keys.accountId())).isEqualTo(liveStatus);
        assertThat(rows("otp_query.otp_analytics", keys.accountId())).isEqualTo(liveAnalytics);
    }

    @Test
    void shouldRefuseWhenTheProjectionIsUnknownNotReplaySafeOrTheTokenIsMissing() {
        assertThat(api.post("/v1/admin/projections/nope/rebuild", ADMIN_TOKEN, "").status()).isEqualTo(404);
        Api.Response delivery = api.post("/v1/admin/projections/otp-delivery/rebuild", ADMIN_TOKEN, "");
        assertThat(delivery.status()).isEqualTo(404);
        assertThat(delivery.json().get("error").get("code").asString()).isEqualTo("not_found");
        assertThat(api.get("/v1/admin/projections/otp-delivery", ADMIN_TOKEN).status()).isEqualTo(404);
        Keys keys = newAccount();
        assertThat(api.post("/v1/admin/projections/otp-status/rebuild", keys.live(), "").status()).isEqualTo(401);
        assertThat(api.post("/v1/admin/projections/otp-status/rebuild", null, "").status()).isEqualTo(401);
        assertThat(status("otp-status").get("state").asString()).isIn("live", "starting", "replaying");
    }
}
