package com.narvark.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Await;
import com.narvark.gateway.support.GatewayIntegrationTest;
import com.narvark.gateway.support.TestSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The portal's steps as the tests take them over HTTP: request access, approve, open the link, sign in. */
final class PortalFlows {

    static final Pattern LINK = Pattern.compile("https?://\\S+/portal/welcome/[0-9a-z]+");
    static final Pattern SECRET = Pattern.compile("nvk_(test|live)_sk_[0-9a-z]{32}");

    private final int port;
    private final JdbcClient jdbc;
    private final PortalMailbox mailbox;

    PortalFlows(int port, JdbcClient jdbc, PortalMailbox mailbox) {
        this.port = port;
        this.jdbc = jdbc;
        this.mailbox = mailbox;
    }

    static String newEmail() {
        return "it." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    static Map<String, Object> form(String csrf, String email) {
        return new HashMap<>(Map.of("csrf", csrf, "name", "Jane Doe", "company", "Acme " + email, "email", email,
                "volume", "under_10k", "channels", List.of("sms", "voice"),
                "use_case", "Two-factor sign-in for our shop."));
    }

    /** Every test submits from 127.0.0.1: start with empty per-address and global allowances. */
    void forgetRecentSubmissions() {
        jdbc.sql("UPDATE accounts.access_requests SET created_at = created_at - interval '2 hours'").update();
    }

    Browser.Page submit(Browser browser, String email) {
        return browser.post("/portal/access", form(browser.get("/portal/access").csrf(), email));
    }

    String requestId(String email) {
        return jdbc.sql("SELECT request_id FROM accounts.access_requests WHERE email = ?")
                .param(email).query(String.class)
                .single();
    }

    Browser operator() {
        Browser operator = new Browser(port);
        Browser.Page signIn = operator.post("/portal/operator/sign-in", Map.of("csrf",
                operator.get("/portal/operator").csrf(), "operator", "Ivan IT", "token",
                GatewayIntegrationTest.ADMIN_TOKEN));
        assertThat(signIn.status()).as(signIn.body()).isEqualTo(303);
        return operator;
    }

    /** Request and approve; the one-time link of the email, as a path on the gateway under test. */
    String approvedLink(String email) {
        assertThat(submit(new Browser(port), email).status()).isEqualTo(200);
        Browser operator = operator();
        Browser.Page approved = operator.post("/portal/operator/requests/" + requestId(email) + "/approve",
                Map.of("csrf", operator.get("/portal/operator").csrf()));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        String mail = mailbox.mail(email, "API keys").orElseThrow();
        assertThat(SECRET.matcher(mail).find()).as("a key in the email").isFalse();
        Matcher link = LINK.matcher(mail);
        assertThat(link.find()).as(mail).isTrue();
        assertThat(link.group()).startsWith(TestSettings.PORTAL_BASE_URL + "/portal/welcome/");
        return link.group().substring(TestSettings.PORTAL_BASE_URL.length());
    }

    /** An approved member whose keys were revealed, signed in to the console. */
    Browser member(String email) {
        new Browser(port).post(approvedLink(email), Map.of());
        return signedIn(email);
    }

    Browser signedIn(String email) {
        Browser member = new Browser(port);
        Browser.Page sent = member.post("/portal/sign-in", Map.of("csrf", member.get("/portal/sign-in").csrf(),
                "email", email));
        assertThat(sent.location()).endsWith("/portal/sign-in/code");
        String code = Await.until(() -> mailbox.code(email).orElse(null), Duration.ofSeconds(10));
        Browser.Page verified = member.post("/portal/sign-in/code", Map.of("csrf",
                member.get("/portal/sign-in/code").csrf(), "code", code));
        assertThat(verified.location()).as(verified.body()).endsWith("/portal/console");
        return member;
    }

    String accountOf(String email) {
        return jdbc.sql("SELECT account_id FROM accounts.portal_members WHERE email = ?")
                .param(email).query(String.class)
                .single();
    }
}
