package com.narvark.gateway.caches;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.Await;
import com.narvark.gateway.support.WebhookReceiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 15: the webhook projection looks nothing up per event. Each of N OTPs makes three webhook events
 * (dispatched, delivered, verified); the endpoint list is read at most once per node (the first event of the
 * account there), an OTP's facts never (they are cached when its OtpRequestedEvent is handled), and a new endpoint
 * takes the very next events on both nodes.
 */
class WebhookFanOutIT extends TwoCountedNodes {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Predicate<String> ENDPOINT_LOOKUP = sql -> sql.contains("FROM webhook_endpoints")
            && sql.contains("AND enabled");
    private static final Predicate<String> FACTS_LOOKUP = sql -> sql.contains("FROM webhook_otps");
    private static final Predicate<String> OUTBOX_INSERT = sql -> sql.contains("INSERT INTO webhook_deliveries");
    private static final Predicate<String> FACTS_INSERT = sql -> sql.contains("INSERT INTO webhook_otps");

    private WebhookReceiver receiver;

    @BeforeEach
    void receiver() {
        awaitFeedsListening();
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void shouldLookUpNeitherEndpointsNorOtpFactsPerEvent() {
        Account account = newAccount();
        createEndpoint(account.test(), "/first");
        counted(first).reset();
        counted(second).reset();
        int otps = 10;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < otps; i++) {
            Api node = i % 2 == 0 ? one : two;
            String id = node.post("/v1/otp/send", account.test(), "{\"to\":\"zoe@example.com\",\"channel\":\"email\"}")
                    .text("id");
            ids.add(id);
        }
        for (int i = 0; i < otps; i++) {
            Api.Response verified = (i % 2 == 0 ? two : one).post("/v1/otp/verify", account.test(),
                    Api.json(Map.of("id", ids.get(i), "code", "123456")));
            assertThat(verified.json().get("valid").asBoolean()).as(verified.toString()).isTrue();
        }
        int events = otps * 3;
        Await.until(() -> receiver.accepted().size() >= events, WAIT);

        sleep(1_000); // the processors commit their last tokens
        report(events);
        assertThat(receiver.accepted()).hasSize(events);
        for (ConfigurableApplicationContext node : List.of(first, second)) {
            assertThat(counted(node).count(ENDPOINT_LOOKUP)).as("endpoint lookups for %d events", events)
                    .isLessThanOrEqualTo(1);
            assertThat(counted(node).count(FACTS_LOOKUP)).as("OTP facts lookups for %d events", events).isZero();
            // Two nodes in one JVM share Axon's token owner name, so both may handle every event: at most one
            // outbox statement per event and node, whatever the number of endpoints.
            assertThat(counted(node).count(OUTBOX_INSERT)).as("outbox statements").isLessThanOrEqualTo(events);
        }
        assertThat(counted(first).count(OUTBOX_INSERT) + counted(second).count(OUTBOX_INSERT))
                .isGreaterThanOrEqualTo(events);
    }

    /** The endpoint list is cached on both nodes, yet an endpoint added through one node gets the next events. */
    @Test
    void shouldDeliverToANewEndpointWhenTheAccountsListWasCachedEmpty() {
        Account account = newAccount();
        for (int i = 0; i < 4; i++) { // both nodes' processors see the account and cache "no endpoint"
            (i % 2 == 0 ? one : two).post("/v1/otp/send", account.test(),
                    "{\"to\":\"zoe@example.com\",\"channel\":\"email\"}");
        }
        sleep(1_000);
        counted(first).reset();
        counted(second).reset();
        createEndpoint(account.test(), "/late");
        sleep(PROMISE.toMillis());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add((i % 2 == 0 ? one : two).post("/v1/otp/send", account.test(),
                    "{\"to\":\"zoe@example.com\",\"channel\":\"email\"}").text("id"));
        }
        Await.until(() -> receiver.accepted().stream().map(WebhookReceiver.Received::otpId)
                .filter(ids::contains).distinct().count() == ids.size(), WAIT);
    }

    private void createEndpoint(String key, String path) {
        Api.Response created = one.post("/v1/webhook_endpoints", key, Api.json(Map.of("url", receiver.url(path))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    /**
     * For the record: what the webhook processor's threads ran on each node, per event they handled (every handled
     * event of these OTPs is either an OtpRequestedEvent, one facts insert, or a webhook, one outbox statement).
     */
    private static void report(int events) {
        Predicate<CountedStatements.Executed> webhookThreads = e -> e.thread().contains("otp-webhooks");
        for (ConfigurableApplicationContext node : List.of(first, second)) {
            long handled = counted(node).count(OUTBOX_INSERT) + counted(node).count(FACTS_INSERT);
            long statements = counted(node).executed().stream().filter(webhookThreads).count();
            System.out.printf("webhook processor (%s): %d of the %d webhooks and their OTPs' requests handled, "
                    + "%.2f statements per handled event: %s%n", node == first ? "node A" : "node B",
                    counted(node).count(OUTBOX_INSERT), events, statements / (double) Math.max(1, handled),
                    counted(node).byStatement(webhookThreads));
        }
    }
}
