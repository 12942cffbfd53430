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
    private static final Predicate<String> ENDPOINT_LOOKUP = sql -> sql.contains("FROM otp_webhooks.webhook_endpoints")
            && sql.contains("AND enabled");
    private static final Predicate<String> FACTS_LOOKUP = sql -> sql.contains("FROM otp_webhooks.webhook_otps");
    private static final Predicate<String> OUTBOX_INSERT =
            sql -> sql.contains("INSERT INTO otp_webhooks.webhook_deliveries");
    private static final Predicate<String> FACTS_INSERT = sql -> sql.contains("INSERT INTO otp_webhooks.webhook_otps");

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
        awaitProcessorsIdle(); // a node may still be handling an earlier test's events
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
        }
        assertThat(counted(first).count(OUTBOX_INSERT) + counted(second).count(OUTBOX_INSERT))
                .as("one outbox statement per event").isEqualTo(events);
    }

    /**
     * The processing node cached "no endpoint" for the account; the endpoint is then created through the other
     * node, so only the notice can tell the processing node: events from a second on (the promise; it takes
     * milliseconds) go to the new endpoint.
     */
    @Test
    void shouldDeliverToANewEndpointCreatedOnAnotherNodeWhenTheListWasCachedEmpty() {
        Account account = newAccount();
        counted(first).reset();
        counted(second).reset();
        send(one, account.test());
        send(two, account.test());
        Await.until(() -> counted(first).count(ENDPOINT_LOOKUP) + counted(second).count(ENDPOINT_LOOKUP) > 0, WAIT);
        awaitProcessorsIdle();
        Api other = counted(first).count(ENDPOINT_LOOKUP) > 0 ? two : one; // not the node that cached the list
        Api.Response created = other.post("/v1/webhook_endpoints", account.test(),
                Api.json(Map.of("url", receiver.url("/late"))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        sleep(PROMISE.toMillis());
        List<String> ids = List.of(send(one, account.test()), send(two, account.test()));
        Await.until(() -> ids.stream().allMatch(id -> delivered("/late", id) == 2), WAIT);
    }

    /**
     * An endpoint deleted while its notice is lost (the trigger is off, so both nodes keep listing it): the outbox
     * insert checks each endpoint again, so the event goes to the other endpoint only, and nothing fails (a delivery
     * row for the vanished endpoint would break its foreign key and stall the processor).
     */
    @Test
    void shouldSkipAnEndpointDeletedBehindTheCachesBack() {
        Account account = newAccount();
        String gone = createEndpoint(account.test(), "/gone");
        createEndpoint(account.test(), "/kept");
        String before = send(one, account.test());
        Await.until(() -> delivered("/gone", before) == 2 && delivered("/kept", before) == 2, WAIT);
        sql("ALTER TABLE otp_webhooks.webhook_endpoints DISABLE TRIGGER webhook_endpoints_notify_insert_delete");
        try {
            assertThat(sql("DELETE FROM otp_webhooks.webhook_endpoints WHERE endpoint_id = ?", gone)).isEqualTo(1);
        } finally {
            sql("ALTER TABLE otp_webhooks.webhook_endpoints ENABLE TRIGGER webhook_endpoints_notify_insert_delete");
        }
        String after = send(two, account.test());
        Await.until(() -> delivered("/kept", after) == 2, WAIT);
        sleep(500);
        assertThat(delivered("/gone", after)).isZero();
        assertThat(count("SELECT count(*) FROM deadletterentry")).as("dead letters").isZero();
    }

    /** Until neither node's webhook processor has run anything but token updates for a while. */
    private static void awaitProcessorsIdle() {
        Predicate<CountedStatements.Executed> work = e -> e.thread().contains("otp-webhooks")
                && !e.sql().contains("TokenEntry");
        Await.until(() -> {
            long before = counted(first).executed().stream().filter(work).count()
                    + counted(second).executed().stream().filter(work).count();
            sleep(700);
            return before == counted(first).executed().stream().filter(work).count()
                    + counted(second).executed().stream().filter(work).count();
        }, WAIT);
    }

    private static String send(Api node, String key) {
        Api.Response sent = node.post("/v1/otp/send", key, "{\"to\":\"zoe@example.com\",\"channel\":\"email\"}");
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        return sent.text("id");
    }

    private long delivered(String path, String otpId) {
        return receiver.accepted().stream().filter(r -> r.path().equals(path) && r.otpId().equals(otpId)).count();
    }

    private String createEndpoint(String key, String path) {
        Api.Response created = one.post("/v1/webhook_endpoints", key, Api.json(Map.of("url", receiver.url(path))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    /**
     * For the record: what the webhook processor's threads ran on each node, per event they handled (every handled
     * event of these OTPs is either an OtpRequestedEvent, one facts insert, or a webhook, one outbox statement).
     */
    private static void report(int events) {
        Predicate<CountedStatements.Executed> webhookThreads = e -> e.thread().contains("otp-webhooks");
        for (ConfigurableApplicationContext node : List.of(first, second)) {
            long handled = counted(node).count(OUTBOX_INSERT) + counted(node).count(FACTS_INSERT);
            if (handled == 0) {
                continue; // this node holds none of the processor's segments
            }
            long statements = counted(node).executed().stream().filter(webhookThreads).count();
            System.out.printf("webhook processor (%s): %d of the %d webhooks and their OTPs' requests handled, "
                    + "%.2f statements per handled event: %s%n", node == first ? "node A" : "node B",
                    counted(node).count(OUTBOX_INSERT), events, statements / (double) handled,
                    counted(node).byStatement(webhookThreads));
        }
    }
}
