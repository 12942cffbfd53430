package com.narvark.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.GatewayIntegrationTest;
import com.narvark.gateway.support.RawHttp;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Spellings of the admin and API routes that a path-prefix check would miss but a router could still reach: path
 * parameters, percent-encoded letters, slashes and dots, doubled slashes, dot segments, case changes, trailing
 * slashes, encoded NUL, space and line breaks. None may be answered 2xx or 5xx, and none may write anything.
 */
class HostilePathsIT extends GatewayIntegrationTest {

    private static final List<String> ADMIN_ACCOUNTS = List.of("/v1;/admin/accounts", "/v1/admin;/accounts",
            "/v1/admin/accounts;x=1", "/v1;jsessionid=1/admin/accounts", "/%76%31/admin/accounts",
            "/v1/%61dmin/accounts", "/v1/admin/%61ccounts", "/v1%2Fadmin/accounts", "/v1/admin%2faccounts",
            "/v1%2fadmin%2faccounts", "//v1/admin/accounts", "/v1//admin/accounts", "/v1/./admin/accounts",
            "/v1/x/../admin/accounts", "/v1/%2e%2e/v1/admin/accounts", "/v1/.%2e/v1/admin/accounts",
            "/x/..%2fv1/admin/accounts", "/V1/admin/accounts", "/v1/ADMIN/accounts", "/v1/Admin/Accounts",
            "/v1/admin/accounts/", "/v1/admin/accounts%00", "/v1/admin/accounts%20", "/v1/admin\\accounts",
            "/v1/admin/accounts%0d%0a", "/v1/admin/accounts%25", "/v1/admin/accounts%3b", "/v1/admin%5caccounts");
    private static final List<String> OTP_SEND = List.of("/v1;/otp/send", "/v1/otp;/send", "/v1/otp/send;x",
            "/%76%31/otp/send", "/v1/%6ftp/send", "/v1/otp/%73end", "/v1%2fotp/send", "//v1/otp/send",
            "/v1/./otp/send", "/v1/x/../otp/send", "/v1/otp/send/", "/V1/otp/send", "/v1/OTP/send",
            "/v1/otp/send%00", "/v1/otp/send%20", "/v1/otp/send%0a");

    @Autowired
    private JdbcClient jdbc;

    @Test
    void shouldNeverReachTheAdminApiWhenTheAdminPathIsSpelledOddlyWithoutCredentials() throws IOException {
        long accounts = count("accounts.accounts");
        long keys = count("accounts.api_keys");
        RawHttp http = raw("127.0.0.1");
        for (String path : ADMIN_ACCOUNTS) {
            assertRefused(path, http.send("POST", path, null, "application/json", "{\"name\":\"walked in\"}"));
        }
        assertThat(count("accounts.accounts")).isEqualTo(accounts);
        assertThat(count("accounts.api_keys")).isEqualTo(keys);
    }

    /** An API key is no operator credential, however the path is spelled. From an address of its own: these fail. */
    @Test
    void shouldNeverReachTheAdminApiWhenTheCallerHoldsOnlyAnApiKey() throws IOException {
        String apiKey = newAccount().live();
        long accounts = count("accounts.accounts");
        long keys = count("accounts.api_keys");
        RawHttp http = raw("127.0.0.4");
        for (String path : ADMIN_ACCOUNTS) {
            assertRefused(path, http.send("POST", path, apiKey, "application/json", "{\"name\":\"walked in\"}"));
        }
        for (String path : List.of("/v1/admin;/projections/otp-status/rebuild", "/v1/%61dmin/keys/k/rate_limit")) {
            assertRefused(path, http.send("POST", path, apiKey, "application/json", "{\"unlimited\":true}"));
        }
        assertThat(count("accounts.accounts")).isEqualTo(accounts);
        assertThat(count("accounts.api_keys")).isEqualTo(keys);
    }

    @Test
    void shouldNeverSendAnOtpWhenTheApiPathIsSpelledOddlyWithoutAKey() throws IOException {
        long sends = sends();
        RawHttp http = raw("127.0.0.1");
        for (String path : OTP_SEND) {
            assertRefused(path, http.send("POST", path, null, "application/json",
                    "{\"to\":\"+15005550006\",\"channel\":\"sms\"}"));
        }
        assertThat(sends()).isEqualTo(sends);
    }

    /** Before Spring Security, {@code GET /v1;/otp/…} without a key ran the controller without a caller: 500. */
    @Test
    void shouldAnswer400InTheErrorShapeWhenTheApiPathCarriesAPathParameter() throws IOException {
        RawHttp.Answer answer = raw("127.0.0.1").send("GET", "/v1;/otp/otp_00000000000000000000000000", null, null,
                null);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("\"code\":\"invalid_request\"");
        assertThat(answer.header("Request-Id")).startsWith("req_");
    }

    @Test
    void shouldAnswer401InTheErrorShapeWhenTheAdminPathIsPercentEncoded() throws IOException {
        RawHttp.Answer answer = raw("127.0.0.1").send("POST", "/v1/%61dmin/accounts", null, "application/json",
                "{\"name\":\"x\"}");
        assertThat(answer.status()).isIn(400, 401);
        assertThat(answer.body()).contains("\"error\":{\"code\":");
        assertThat(answer.header("Request-Id")).startsWith("req_");
    }

    private static void assertRefused(String path, RawHttp.Answer answer) {
        assertThat(answer.status()).as(path + " → " + answer.head()).isBetween(400, 499);
    }

    /** OTP creations are written in the send's own transaction, so this count is final when a send answers. */
    private long sends() {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE ?")
                .param("%OtpRequestedEvent").query(Long.class).single();
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
