package com.narvark.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.auth.CredentialThrottle;
import com.narvark.gateway.ratelimit.RateLimiter;
import com.narvark.gateway.support.GatewayIntegrationTest;
import com.narvark.gateway.support.RawHttp;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Guessing the operator token is throttled per client address and overall, on the admin API and on the operator
 * sign-in; failures are counted, not written as audit rows. Tests that fail on purpose call from loopback addresses
 * of their own (127.0.0.3, 127.0.0.5), so the other tests' 127.0.0.1 keeps its allowance (20 a minute here).
 */
class CredentialThrottleIT extends GatewayIntegrationTest {

    private static final int PER_ADDRESS = 20;
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private RateLimiter buckets;

    @Test
    void shouldRefuseEvenTheRightTokenFromAnAddressWhenItGuessedTooOften() throws IOException {
        RawHttp guesser = raw("127.0.0.3");
        String notAdminCalls = "SELECT count(*) FROM accounts.portal_audit WHERE action NOT LIKE 'admin_api %'";
        long audited = count(notAdminCalls);
        long counted = failures("admin-api");
        for (int i = 0; i < PER_ADDRESS; i++) {
            assertThat(guesser.send("GET", "/v1/admin/accounts/acct_x/keys", "guess-" + i, null, null).status())
                    .isEqualTo(401);
        }
        RawHttp.Answer refused = guesser.send("GET", "/v1/admin/accounts/acct_x/keys", ADMIN_TOKEN, null, null);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body()).contains("\"code\":\"rate_limited\"");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        // Another address is not held back by this one's guesses.
        assertThat(api.get("/v1/admin/accounts/" + newAccount().accountId() + "/keys", ADMIN_TOKEN).status())
                .isEqualTo(200);
        assertThat(failures("admin-api")).isEqualTo(counted + PER_ADDRESS);
        // The guesses never reached a handler, so no admin_api row either; they are counted only.
        assertThat(count(notAdminCalls)).isEqualTo(audited);
    }

    @Test
    void shouldRefuseEveryAddressWhenTheGlobalCeilingIsReached() {
        CredentialThrottle throttle = new CredentialThrottle(buckets, jdbc, Clock.systemUTC(), 100, 3);
        for (int i = 1; i <= 3; i++) {
            assertThat(throttle.refusal("it-global", from("10.0.0." + i))).isEmpty();
            throttle.failed("it-global", from("10.0.0." + i));
        }
        // Everyone who failed lately is held back; a client with a clean record (the operator) still gets to try.
        assertThat(throttle.refusal("it-global", from("10.0.0.1"))).isPresent();
        assertThat(throttle.refusal("it-global", from("10.9.9.9"))).isEmpty();
        assertThat(throttle.refusal("it-other-surface", from("10.0.0.1"))).isEmpty();
    }

    /** An IPv6 client holds a whole /64: fresh addresses inside it are the same client. */
    @Test
    void shouldCountAnIpv6ClientByItsSlash64WhenItRotatesAddresses() {
        CredentialThrottle throttle = new CredentialThrottle(buckets, jdbc, Clock.systemUTC(), 3, 10_000);
        for (int i = 1; i <= 3; i++) {
            throttle.failed("it-ipv6", from("2001:db8:1:2::" + Integer.toHexString(i)));
        }
        assertThat(throttle.refusal("it-ipv6", from("2001:db8:1:2:ffff::9"))).isPresent();
        assertThat(throttle.refusal("it-ipv6", from("2001:db8:1:3::1"))).isEmpty();
    }

    /** An API key sent to the admin API is a mistake, not a guess at the operator token: 401, never counted. */
    @Test
    void shouldNotCountAnApiKeyAsAGuessWhenItIsSentToTheAdminApi() throws IOException {
        String apiKey = newAccount().test();
        long counted = failures("admin-api");
        RawHttp client = raw("127.0.0.6");
        for (int i = 0; i < PER_ADDRESS + 5; i++) {
            assertThat(client.send("GET", "/v1/admin/accounts/acct_x/keys", apiKey, null, null).status())
                    .isEqualTo(401);
        }
        assertThat(failures("admin-api")).isEqualTo(counted);
    }

    @Test
    void shouldThrottleAndCountFailedOperatorSignInsWithoutAuditingThem() throws IOException {
        RawHttp browser = raw("127.0.0.5");
        RawHttp.Answer page = browser.sendWith("GET", "/portal/operator", Map.of(), null, null);
        String cookie = page.header("Set-Cookie").split(";")[0];
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).isTrue();
        long audited = count("SELECT count(*) FROM accounts.portal_audit WHERE action = 'operator_sign_in_failed'");
        long counted = failures("operator-sign-in");
        String form = "csrf=" + csrf.group(1) + "&operator=Mallory%20%3Cscript%3E&token=guess";
        for (int i = 0; i < PER_ADDRESS; i++) {
            assertThat(browser.sendWith("POST", "/portal/operator/sign-in", Map.of("Cookie", cookie),
                    "application/x-www-form-urlencoded", form).status()).isEqualTo(401);
        }
        RawHttp.Answer refused = browser.sendWith("POST", "/portal/operator/sign-in", Map.of("Cookie", cookie),
                "application/x-www-form-urlencoded", "csrf=" + csrf.group(1) + "&operator=Ivan&token=" + ADMIN_TOKEN);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(failures("operator-sign-in")).isEqualTo(counted + PER_ADDRESS);
        assertThat(count("SELECT count(*) FROM accounts.portal_audit WHERE action = 'operator_sign_in_failed'"))
                .isEqualTo(audited);
    }

    private static MockHttpServletRequest from(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        return request;
    }

    private long failures(String surface) {
        return count("SELECT coalesce(sum(failures), 0) FROM gateway.credential_failures WHERE surface = '" + surface
                + "'");
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
