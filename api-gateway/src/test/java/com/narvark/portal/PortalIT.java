package com.narvark.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** The portal's refusals over plain HTTP: CSRF, honeypot, rate limit, operator rights, one-time links, scoping. */
class PortalIT extends PortalIntegrationTest {


    @Test
    void shouldRefuseEveryFormWhenTheCsrfTokenIsMissingOrBelongsToAnotherBrowser() {
        String email = PortalFlows.newEmail();
        Browser attacker = new Browser(port);
        String foreign = attacker.get("/portal/access").csrf();
        Browser victim = new Browser(port);
        victim.get("/portal/access");
        Map<String, Object> forged = PortalFlows.form(foreign, email);
        assertThat(victim.post("/portal/access", forged).status()).isEqualTo(403);
        forged.remove("csrf");
        assertThat(victim.post("/portal/access", forged).status()).isEqualTo(403);
        assertThat(new Browser(port).post("/portal/access", PortalFlows.form(foreign, email)).status())
                .isEqualTo(403);
        for (String path : List.of("/portal/operator/sign-in", "/portal/sign-in", "/portal/sign-in/code",
                "/portal/console/keys", "/portal/console/webhooks", "/portal/sign-out")) {
            assertThat(victim.post(path, Map.of("csrf", foreign)).status()).as(path).isEqualTo(403);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM accounts.access_requests WHERE email = ?")
                .param(email).query(Long.class)
                .single()).isZero();
    }

    @Test
    void shouldSetAHardenedCookieAndHeadersWhenAPageIsServed() {
        Browser.Page page = new Browser(port).get("/portal/access");
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("narvark_portal=").contains("HttpOnly", "SameSite=Strict", "Path=/portal");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'none'", "form-action 'self'", "frame-ancestors 'none'");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.body()).contains("<label for=\"email\">", "<legend>Channels you want</legend>");
    }

    @Test
    void shouldShowEscapedFieldErrorsAndRecordNothingWhenTheFormIsInvalid() {
        Browser browser = new Browser(port);
        Map<String, Object> bad = PortalFlows.form(browser.get("/portal/access").csrf(), "not-an-email");
        bad.put("name", "<script>alert(1)</script>");
        bad.put("channels", List.of("pigeon"));
        bad.put("volume", "a lot");
        Browser.Page page = browser.post("/portal/access", bad);
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("role=\"alert\"", "aria-invalid=\"true\" aria-describedby=\"email-error\"",
                "Choose at least one channel", "Choose your expected monthly volume",
                "&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
        assertThat(jdbc.sql("SELECT count(*) FROM accounts.access_requests WHERE email = 'not-an-email'")
                .query(Long.class)
                .single()).isZero();
    }

    @Test
    void shouldAnswerThanksButRecordNothingWhenTheHoneypotIsFilled() {
        String email = PortalFlows.newEmail();
        Browser bot = new Browser(port);
        Map<String, Object> filled = PortalFlows.form(bot.get("/portal/access").csrf(), email);
        filled.put("website", "http://spam.example");
        Browser.Page page = bot.post("/portal/access", filled);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("we will be in touch");
        assertThat(jdbc.sql("SELECT count(*) FROM accounts.access_requests WHERE email = ?")
                .param(email).query(Long.class)
                .single()).isZero();
        assertThat(mailbox.mail(email, "")).isEmpty();
    }

    @Test
    void shouldRefuseWithTooManyRequestsWhenOneAddressSubmitsAboveTheHourlyAllowance() {
        Browser browser = new Browser(port);
        for (int i = 0; i < 10; i++) {
            assertThat(flows.submit(browser, PortalFlows.newEmail()).status()).isEqualTo(200);
        }
        String refused = PortalFlows.newEmail();
        Browser.Page tooMany = flows.submit(browser, refused);
        assertThat(tooMany.status()).isEqualTo(429);
        assertThat(tooMany.body()).contains("from your network", "try again in");
        assertThat(Long.parseLong(tooMany.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 3600L);
        assertThat(jdbc.sql("SELECT count(*) FROM accounts.access_requests WHERE email = ?")
                .param(refused).query(Long.class)
                .single()).isZero();
        flows.forgetRecentSubmissions();
        String confirmed = PortalFlows.newEmail();
        assertThat(flows.submit(browser, confirmed).status()).isEqualTo(200);
        assertThat(mailbox.mail(confirmed, "received").orElseThrow()).contains("will be in touch");
    }

    @Test
    void shouldKeepOperatorsOutWhenTheTokenIsWrongOrTheSessionIsMissing() {
        String email = PortalFlows.newEmail();
        flows.submit(new Browser(port), email);
        String id = flows.requestId(email);
        Browser outsider = new Browser(port);
        Browser.Page wrong = outsider.post("/portal/operator/sign-in", Map.of("csrf",
                outsider.get("/portal/operator").csrf(), "operator", "Mallory", "token", "guess"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(outsider.get("/portal/operator").body()).contains("Operator sign-in").doesNotContain(email);
        String csrf = outsider.get("/portal/operator").csrf();
        assertThat(outsider.post("/portal/operator/requests/" + id + "/approve", Map.of("csrf", csrf)).status())
                .isEqualTo(403);
        assertThat(outsider.post("/portal/operator/requests/" + id + "/reject", Map.of("csrf", csrf, "reason", "x"))
                .status()).isEqualTo(403);
        // A member of an account is no operator either.
        String memberEmail = PortalFlows.newEmail();
        new Browser(port).post(flows.approvedLink(memberEmail), Map.of());
        Browser member = flows.signedIn(memberEmail);
        assertThat(member.post("/portal/operator/requests/" + id + "/approve", Map.of("csrf",
                member.get("/portal/console").csrf())).status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT status FROM accounts.access_requests WHERE request_id = ?")
                .param(id).query(String.class)
                .single()).isEqualTo("pending");
    }

    @Test
    void shouldRecordTheReasonAndDecideOnceWhenTheOperatorRejectsOrApprovesTwice() {
        String rejected = PortalFlows.newEmail();
        flows.submit(new Browser(port), rejected);
        Browser operator = flows.operator();
        String csrf = operator.get("/portal/operator").csrf();
        String id = flows.requestId(rejected);
        assertThat(operator.post("/portal/operator/requests/" + id + "/reject", Map.of("csrf", csrf, "reason", " "))
                .status()).isEqualTo(400);
        assertThat(operator.post("/portal/operator/requests/" + id + "/reject", Map.of("csrf", csrf, "reason",
                "Consumer project")).status()).isEqualTo(303);
        assertThat(operator.post("/portal/operator/requests/" + id + "/approve", Map.of("csrf", csrf)).status())
                .isEqualTo(404);
        assertThat(jdbc.sql("SELECT status || ' ' || decided_by || ' ' || reason FROM accounts.access_requests "
                + "WHERE request_id = ?").param(id).query(String.class).single())
                .isEqualTo("rejected Ivan IT Consumer project");
        assertThat(jdbc.sql("SELECT count(*) FROM accounts.portal_audit "
                + "WHERE action = 'request_rejected' AND subject = ? AND actor = 'Ivan IT'")
                .param(id).query(Long.class).single()).isEqualTo(1);

        String approved = PortalFlows.newEmail();
        flows.approvedLink(approved);
        String approvedId = flows.requestId(approved);
        assertThat(operator.post("/portal/operator/requests/" + approvedId + "/approve", Map.of("csrf", csrf))
                .status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM accounts.accounts a "
                + "JOIN accounts.access_requests r ON r.account_id = a.account_id WHERE r.request_id = ?")
                .param(approvedId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void shouldShowTheKeysExactlyOnceWhenTheOneTimeLinkIsUsed() {
        String email = PortalFlows.newEmail();
        String link = flows.approvedLink(email);
        Browser customer = new Browser(port);
        Browser.Page landing = customer.get(link);
        assertThat(landing.status()).isEqualTo(200);
        assertThat(PortalFlows.SECRET.matcher(landing.body()).find()).as("keys shown before the button").isFalse();
        Browser.Page shown = customer.post(link, Map.of("csrf", landing.csrf()));
        Matcher keys = PortalFlows.SECRET.matcher(shown.body());
        assertThat(keys.find()).as(shown.body()).isTrue();
        String testKey = keys.group();
        assertThat(testKey).startsWith("nvk_test_sk_");
        assertThat(keys.find()).isTrue();
        String liveKey = keys.group();

        assertThat(customer.post(link, Map.of("csrf", landing.csrf())).status()).isEqualTo(410);
        assertThat(customer.get(link).status()).isEqualTo(410);
        assertThat(new Browser(port).get(link.replaceAll("[0-9a-z]{4}$", "aaaa")).status()).isEqualTo(410);
        assertThat(new Browser(port).get("/portal/welcome/../../v1/admin").status()).isIn(400, 404, 410);
        assertThat(jdbc.sql("SELECT count(*) FROM accounts.key_reveals r "
                + "JOIN accounts.access_requests q ON q.account_id = r.account_id "
                + "WHERE q.email = ? AND r.secrets IS NULL AND r.used_at IS NOT NULL").param(email).query(Long.class)
                .single()).isEqualTo(1);
        assertThat(api.post("/v1/otp/send", testKey, "{\"to\":\"+15005550001\",\"channel\":\"sms\"}").status())
                .isEqualTo(200);
        // The live key waits for the operator, then works.
        assertThat(api.get("/v1/usage", liveKey).status()).isEqualTo(401);
        Browser operator = flows.operator();
        String keyId = jdbc.sql("SELECT k.key_id FROM accounts.api_keys k "
                + "JOIN accounts.access_requests r ON r.account_id = k.account_id WHERE r.email = ? AND k.livemode")
                .param(email).query(String.class).single();
        assertThat(operator.post("/portal/operator/keys/" + keyId + "/enable", Map.of("csrf",
                operator.get("/portal/operator").csrf())).status()).isEqualTo(303);
        assertThat(api.get("/v1/usage", liveKey).status()).isEqualTo(200);
    }

    @Test
    void shouldShowSandboxMailToTheOperatorOnlyWhenEmailRunsOnTheSandbox() {
        String email = PortalFlows.newEmail();
        new Browser(port).post(flows.approvedLink(email), Map.of());
        flows.signedIn(email);
        String view = flows.operator().get("/portal/operator").body();
        assertThat(view).contains("Sandbox mail", "Your Narvark API keys", "Console sign-in code",
                "verification code is");
        assertThat(new Browser(port).get("/portal/operator").body()).doesNotContain("Sandbox mail");
    }

    @Test
    void shouldNeverSignInWhenTheEmailHasNoAccountOrTheCodeIsWrong() {
        String stranger = PortalFlows.newEmail();
        Browser browser = new Browser(port);
        Browser.Page sent = browser.post("/portal/sign-in", Map.of("csrf", browser.get("/portal/sign-in").csrf(),
                "email", stranger));
        assertThat(sent.location()).endsWith("/portal/sign-in/code");
        Browser.Page form = browser.get("/portal/sign-in/code");
        assertThat(form.body()).contains("If " + stranger + " has a Narvark account");
        assertThat(browser.post("/portal/sign-in/code", Map.of("csrf", form.csrf(), "code", "123456")).status())
                .isEqualTo(401);
        assertThat(browser.get("/portal/console").location()).endsWith("/portal/sign-in");
        codes.drained().join();
        assertThat(mailbox.code(stranger)).isEmpty();

        String email = PortalFlows.newEmail();
        new Browser(port).post(flows.approvedLink(email), Map.of());
        Browser member = new Browser(port);
        member.post("/portal/sign-in", Map.of("csrf", member.get("/portal/sign-in").csrf(), "email", email));
        String csrf = member.get("/portal/sign-in/code").csrf();
        String code = await(() -> mailbox.code(email).orElse(null), Duration.ofSeconds(10));
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            assertThat(member.post("/portal/sign-in/code", Map.of("csrf", csrf, "code", wrong)).status())
                    .isEqualTo(401);
        }
        // Five wrong codes lock the OTP: even the right one fails now.
        assertThat(member.post("/portal/sign-in/code", Map.of("csrf", csrf, "code", code)).status()).isEqualTo(401);
        assertThat(member.post("/portal/sign-in/code", Map.of("csrf", csrf, "code", "12ab")).status())
                .isEqualTo(400);

        // At most five codes per address and hour, however often the form is sent.
        for (int i = 0; i < 6; i++) {
            Browser again = new Browser(port);
            again.post("/portal/sign-in", Map.of("csrf", again.get("/portal/sign-in").csrf(), "email", email));
        }
        // Codes go out off the request thread (SignInCodes): count once all of these were handled.
        codes.drained().join();
        assertThat(jdbc.sql("SELECT count(*) FROM accounts.portal_audit "
                        + "WHERE actor = ? AND action = 'sign_in_code_sent'")
                .param(email).query(Long.class).single()).isEqualTo(5);
    }

    @Test
    void shouldScopeTheConsoleToTheMembersAccountWhenKeysOfOthersAreTouched() {
        String email = PortalFlows.newEmail();
        new Browser(port).post(flows.approvedLink(email), Map.of());
        Browser member = flows.signedIn(email);
        Browser.Page console = member.get("/portal/console");
        assertThat(console.status()).isEqualTo(200);
        // Hints only (the prefix and 4 characters), never a whole secret.
        assertThat(console.body()).contains("awaiting review", "1000 requests/min", "Standard")
                .doesNotContainPattern("nvk_(test|live)_sk_[0-9a-z]{32}");
        Keys other = newAccount();
        String otherKeyId = jdbc.sql("SELECT key_id FROM accounts.api_keys WHERE account_id = ? AND NOT livemode")
                .param(other.accountId()).query(String.class).single();
        String csrf = console.csrf();
        assertThat(member.post("/portal/console/keys/" + otherKeyId + "/revoke", Map.of("csrf", csrf)).status())
                .isEqualTo(404);
        assertThat(member.post("/portal/console/keys/" + otherKeyId + "/roll", Map.of("csrf", csrf)).status())
                .isEqualTo(404);
        assertThat(api.get("/v1/usage", other.test()).status()).isEqualTo(200);
        assertThat(member.post("/portal/console/keys", Map.of("csrf", csrf, "environment", "prod")).status())
                .isEqualTo(404);
        Browser.Page refused = member.post("/portal/console/webhooks", Map.of("csrf", csrf, "environment", "test",
                "url", "ftp://example.com/hook"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("role=\"alert\"");

        // A rolled key stops working and its successor works at once.
        Browser.Page created = member.post("/portal/console/keys", Map.of("csrf", csrf, "environment", "test"));
        Matcher secret = PortalFlows.SECRET.matcher(created.body());
        assertThat(secret.find()).isTrue();
        String first = secret.group();
        String firstId = created.body().replaceAll("(?s).*data-key-id=\"([^\"]+)\".*", "$1");
        Browser.Page rolled = member.post("/portal/console/keys/" + firstId + "/roll", Map.of("csrf", csrf));
        Matcher next = PortalFlows.SECRET.matcher(rolled.body());
        assertThat(next.find()).isTrue();
        assertThat(api.get("/v1/usage", first).status()).isEqualTo(401);
        assertThat(api.get("/v1/usage", next.group()).status()).isEqualTo(200);
        assertThat(member.get("/portal/console").body()).doesNotContain(first, next.group());

        member.post("/portal/sign-out", Map.of("csrf", csrf));
        assertThat(member.get("/portal/console").location()).endsWith("/portal/sign-in");
    }
}
