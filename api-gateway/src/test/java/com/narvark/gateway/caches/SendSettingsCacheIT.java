package com.narvark.gateway.caches;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.Nodes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: a send reads neither its account's message settings nor its fraud-guard policy, a verify not the
 * policy, once a node has cached them; a change made through the API on one node applies there at once and on the
 * other node within 1 s, and so does one made in plain SQL.
 */
class SendSettingsCacheIT extends TwoCountedNodes {

    private static final Predicate<String> MESSAGE_LOOKUP = sql -> sql.contains("FROM accounts.accounts WHERE");
    private static final Predicate<String> POLICY_LOOKUP = sql -> sql.contains("FROM gateway.fraud_guard_policies");
    private static final Predicate<CountedStatements.Executed> REQUESTS = e -> e.thread().startsWith("http");
    private static final AtomicInteger DESTINATIONS = new AtomicInteger();

    @BeforeEach
    void listening() {
        awaitFeedsListening();
    }

    @Test
    void shouldLookUpNeitherMessageSettingsNorPolicyPerSendAndVerify() {
        Account account = newAccount();
        verified(one, account.test());
        verified(two, account.test());
        counted(first).reset();
        counted(second).reset();
        int otps = 10;
        for (int i = 0; i < otps; i++) {
            verified(i % 2 == 0 ? one : two, account.test());
        }
        for (CountedStatements node : List.of(counted(first), counted(second))) {
            assertThat(node.count(MESSAGE_LOOKUP)).as("accounts lookups for %d sends", otps).isZero();
            assertThat(node.count(POLICY_LOOKUP)).as("policy lookups for %d sends and verifies", otps).isZero();
        }
        report(account.test());
    }

    @Test
    void shouldApplyAPolicyChangeOnTheOtherNodeWithinOneSecond() {
        Account account = newAccount();
        sendsToBritainOnBoth(account.test());
        assertPolicyCached(account.test());
        Api.Response set = one.post("/v1/fraud_guard", account.test(), "{\"allowed_countries\":[\"FR\"]}");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        // The writing node dropped its entry as the change committed: the very next send is refused.
        assertThat(sendToBritain(one, account.test()).status()).isEqualTo(403);
        Duration took = within(PROMISE, 403, () -> sendToBritain(two, account.test()).status());
        System.out.println("allowlist set on node A, applied on node B after " + took.toMillis() + " ms");
        assertThat(sendToBritain(two, account.test()).json().path("error").path("code").asString())
                .isEqualTo("country_not_allowed");
    }

    /** Any writer, here an operator's psql removing the policy row: both nodes go back to the defaults. */
    @Test
    void shouldApplyAPolicyDeletedInPlainSqlOnBothNodesWithinOneSecond() {
        Account account = newAccount();
        assertThat(one.post("/v1/fraud_guard", account.test(), "{\"allowed_countries\":[\"FR\"]}").status())
                .isEqualTo(200);
        for (Api node : List.of(one, two)) {
            assertThat(sendToBritain(node, account.test()).status()).isEqualTo(403);
        }
        assertThat(sql("DELETE FROM gateway.fraud_guard_policies WHERE account_id = ?", account.id())).isEqualTo(1);
        within(PROMISE, 200, () -> sendToBritain(two, account.test()).status());
        within(PROMISE, 200, () -> sendToBritain(one, account.test()).status());
    }

    @Test
    void shouldApplyABrandChangeOnTheOtherNodeWithinOneSecond() {
        Account account = newAccount();
        for (Api node : List.of(one, two)) {
            assertThat(brandOf(node, account.test())).isEqualTo("cache test");
        }
        counted(first).reset();
        counted(second).reset();
        for (Api node : List.of(one, two)) {
            assertThat(brandOf(node, account.test())).isEqualTo("cache test");
        }
        assertThat(counted(first).count(MESSAGE_LOOKUP) + counted(second).count(MESSAGE_LOOKUP))
                .as("accounts lookups once cached").isZero();
        Api.Response set = one.post("/v1/admin/accounts/" + account.id() + "/message_settings", Nodes.ADMIN,
                "{\"display_name\":\"Acme Shop\"}");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(brandOf(one, account.test())).isEqualTo("Acme Shop");
        Duration took = within(PROMISE, 1, () -> "Acme Shop".equals(brandOf(two, account.test())) ? 1 : 0);
        System.out.println("display name set on node A, used on node B after " + took.toMillis() + " ms");
    }

    private static void sendsToBritainOnBoth(String key) {
        for (int i = 0; i < 2; i++) {
            assertThat(sendToBritain(one, key).status()).isEqualTo(200);
            assertThat(sendToBritain(two, key).status()).isEqualTo(200);
        }
    }

    /** More sends on both nodes, no policy lookup: each node answers from its cache. */
    private static void assertPolicyCached(String key) {
        counted(first).reset();
        counted(second).reset();
        sendsToBritainOnBoth(key);
        assertThat(counted(first).count(POLICY_LOOKUP)).as("policy lookups on node A").isZero();
        assertThat(counted(second).count(POLICY_LOOKUP)).as("policy lookups on node B").isZero();
    }

    /** A fresh UK mobile number each time; test keys reach no carrier. */
    private static Api.Response sendToBritain(Api node, String key) {
        String to = "+4479112" + (10000 + DESTINATIONS.incrementAndGet());
        Api.Response sent = node.post("/v1/otp/send", key, Api.json(Map.of("to", to, "channel", "sms")));
        assertThat(sent.status()).as(sent.toString()).isIn(200, 403);
        return sent;
    }

    private static String brandOf(Api node, String key) {
        Api.Response sent = node.post("/v1/otp/send", key, "{\"to\":\"zoe@example.com\",\"channel\":\"email\"}");
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        return sent.text("brand");
    }

    /** Sends an email OTP and verifies it with the sandbox's fixed test code; answers its id. */
    private static String verified(Api node, String key) {
        Api.Response sent = node.post("/v1/otp/send", key, "{\"to\":\"zoe@example.com\",\"channel\":\"email\"}");
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        Api.Response verified = node.post("/v1/otp/verify", key,
                Api.json(Map.of("id", sent.text("id"), "code", "123456")));
        assertThat(verified.json().get("valid").asBoolean()).as(verified.toString()).isTrue();
        return sent.text("id");
    }

    /**
     * For the record: the statements one send, one verify and one status read run on the request thread, with the
     * caches warm (the command's own event store work included, the processors' work not).
     */
    private static void report(String key) {
        CountedStatements node = counted(first);
        node.reset();
        Api.Response sent = one.post("/v1/otp/send", key, "{\"to\":\"zoe@example.com\",\"channel\":\"email\"}");
        print("send", node);
        node.reset();
        one.post("/v1/otp/verify", key, Api.json(Map.of("id", sent.text("id"), "code", "123456")));
        print("verify", node);
        node.reset();
        one.get("/v1/otp/" + sent.text("id"), key);
        print("status read", node);
    }

    private static void print(String request, CountedStatements node) {
        Map<String, Long> statements = node.byStatement(REQUESTS);
        System.out.printf("%s: %d statements on the request thread: %s%n", request,
                statements.values().stream().mapToLong(Long::longValue).sum(), statements);
    }
}
