package com.narvark.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.TestSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The portal's answers to the security review: key limit, sign-in oracle, Secure cookie, link host. */
class PortalHardeningIT extends PortalIntegrationTest {


    private long unrevokedTestKeys(String accountId) {
        return jdbc.sql("SELECT count(*) FROM accounts.api_keys "
                        + "WHERE account_id = ? AND NOT livemode AND revoked_at IS NULL")
                .param(accountId).query(Long.class).single();
    }

    @Test
    void shouldRefuseANewKeyButStillRollOneWhenTheConsoleEnvironmentHoldsTwentyKeys() {
        String email = PortalFlows.newEmail();
        Browser member = flows.member(email);
        String accountId = flows.accountOf(email);
        for (int i = 0; i < 19; i++) {
            assertThat(api.post("/v1/admin/accounts/" + accountId + "/keys", ADMIN_TOKEN,
                    "{\"environment\":\"test\"}").status()).isEqualTo(201);
        }
        String csrf = member.get("/portal/console").csrf();

        Browser.Page refused = member.post("/portal/console/keys", Map.of("csrf", csrf, "environment", "test"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("Key limit reached", "20 active test keys", "role=\"alert\"");
        assertThat(PortalFlows.SECRET.matcher(refused.body()).find()).isFalse();
        assertThat(unrevokedTestKeys(accountId)).isEqualTo(20);

        String oldKey = jdbc.sql("SELECT key_id FROM accounts.api_keys WHERE account_id = ? AND NOT livemode "
                + "AND revoked_at IS NULL ORDER BY created_at LIMIT 1").param(accountId).query(String.class).single();
        Browser.Page rolled = member.post("/portal/console/keys/" + oldKey + "/roll", Map.of("csrf", csrf));
        assertThat(rolled.status()).as(rolled.body()).isEqualTo(200);
        assertThat(PortalFlows.SECRET.matcher(rolled.body()).find()).isTrue();
        assertThat(unrevokedTestKeys(accountId)).isEqualTo(20);
        assertThat(jdbc.sql("SELECT revoked_at IS NOT NULL FROM accounts.api_keys WHERE key_id = ?").param(oldKey)
                .query(Boolean.class).single()).isTrue();
        // The other environment has its own allowance.
        assertThat(member.post("/portal/console/keys", Map.of("csrf", csrf, "environment", "live")).status())
                .isEqualTo(200);
    }

    @Test
    void shouldAnswerAMemberAndAStrangerAlikeWhenEitherAsksForASignInCode() {
        String memberEmail = PortalFlows.newEmail();
        new Browser(port).post(flows.approvedLink(memberEmail), Map.of());
        String stranger = PortalFlows.newEmail();
        Browser.Page forMember;
        Browser.Page forStranger;
        try (SignInCodes.Held held = codes.hold()) {
            forMember = askForCode(memberEmail);
            forStranger = askForCode(stranger);
            // Both answers came while no code could be sent: the answer never waits for the member's email.
            assertThat(jdbc.sql("SELECT count(*) FROM accounts.portal_audit "
                            + "WHERE actor = ? AND action LIKE 'sign_in_code%'")
                    .param(memberEmail).query(Long.class).single()).isZero();
            assertThat(mailbox.code(memberEmail)).isEmpty();
        }
        assertThat(forStranger.status()).isEqualTo(forMember.status()).isEqualTo(303);
        assertThat(forStranger.body()).isEqualTo(forMember.body());
        assertThat(forStranger.location()).isEqualTo(forMember.location()).endsWith("/portal/sign-in/code");
        assertThat(sameForEveryAnswer(forStranger)).isEqualTo(sameForEveryAnswer(forMember));

        assertThat(await(() -> mailbox.code(memberEmail).orElse(null), Duration.ofSeconds(10))).matches("[0-9]{6}");
        codes.drained().join();
        assertThat(mailbox.code(stranger)).isEmpty();
    }

    private Browser.Page askForCode(String email) {
        Browser browser = new Browser(port);
        return browser.post("/portal/sign-in", Map.of("csrf", browser.get("/portal/sign-in").csrf(), "email", email));
    }

    private static Map<String, List<String>> sameForEveryAnswer(Browser.Page page) {
        Map<String, List<String>> headers = new TreeMap<>(page.headers().map());
        // The new session's cookie, the clock and the per-request id differ for any two answers.
        headers.keySet().removeIf(name -> List.of("set-cookie", "date", "request-id").contains(name.toLowerCase()));
        return headers;
    }

    @Test
    void shouldMarkThePortalCookieSecureWhenTheGatewayRunsWithARealDatabase() {
        // The tests run with spring.datasource.url set, i.e. in production mode, over plain http (no proxy).
        String cookie = new Browser(port).get("/portal/sign-in").headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("narvark_portal=").contains("; Secure", "HttpOnly", "SameSite=Strict");
    }

    @Test
    void shouldLinkToTheConfiguredBaseUrlWhenTheApprovalCarriesAnotherHostHeader() throws IOException {
        String email = PortalFlows.newEmail();
        assertThat(flows.submit(new Browser(port), email).status()).isEqualTo(200);
        Browser operator = flows.operator();
        String csrf = operator.get("/portal/operator").csrf();
        String status = RawHttp.postForm(port, "attacker.example", "/portal/operator/requests/"
                + flows.requestId(email) + "/approve", operator.cookieHeader(), "csrf=" + csrf);
        assertThat(status).contains(" 200 ");
        String mail = mailbox.mail(email, "API keys").orElseThrow();
        assertThat(mail).contains(TestSettings.PORTAL_BASE_URL + "/portal/welcome/",
                TestSettings.PORTAL_BASE_URL + "/portal/sign-in").doesNotContain("attacker.example", "127.0.0.1");
    }
}
