package com.narvark.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.GatewayIntegrationTest;
import com.narvark.gateway.support.WebhookReceiver;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * {@code /actuator/prometheus} after a full lifecycle on the sandbox-wired gateway: the operator credential is
 * required, Narvark's counters and histograms moved, Axon's processor metrics are there, and no label anywhere in
 * the scrape carries an id, a key, a destination or a secret of the lifecycle.
 */
class MetricsScrapeIT extends GatewayIntegrationTest {

    @Autowired
    private ApplicationContext context;

    /** Spans are recorded (trace ids in the logs) but leave the node only when an OTLP endpoint is configured. */
    @Test
    void shouldExportNoSpanWhenNoOtlpEndpointIsConfigured() {
        assertThat(context.getBeanNamesForType(SpanExporter.class)).isEmpty();
    }

    @Test
    void shouldRefuseTheScrapeWhenTheOperatorTokenIsMissingOrWrong() {
        assertThat(api.get("/actuator/prometheus", null).status()).isEqualTo(401);
        assertThat(api.get("/actuator/prometheus", newAccount().live()).status()).isEqualTo(401);
        assertThat(api.get("/actuator/prometheus", ADMIN_TOKEN).status()).isEqualTo(200);
    }

    @Test
    void shouldMoveTheCountersAndHistogramsWhenAnOtpLivesItsWholeLife() {
        Scrape before = Scrape.of(api, ADMIN_TOKEN);
        // Other test contexts on the same database run webhook senders too, so this lifecycle's webhooks may be sent,
        // and counted, by another node: the success counter is checked where it moves (DeliveryAttemptRecordingTest),
        // and here only for being scraped with every outcome.
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            new Lifecycle(api, ADMIN_TOKEN).run(receiver);
        }
        Scrape after = Scrape.of(api, ADMIN_TOKEN);
        after.save("lifecycle-scrape.txt");

        assertMoved(before, after, "narvark_otp_sends_total", "channel", "email", "environment", "live",
                "outcome", "accepted");
        assertMoved(before, after, "narvark_otp_sends_total", "channel", "sms", "outcome", "refused");
        assertMoved(before, after, "narvark_fraud_guard_refusals_total", "reason", "country_not_allowed");
        assertMoved(before, after, "narvark_otp_verifications_total", "outcome", "valid");
        assertMoved(before, after, "narvark_otp_verifications_total", "outcome", "wrong");
        assertMoved(before, after, "narvark_otp_verifications_total", "outcome", "consumed");
        assertMoved(before, after, "narvark_delivery_dispatch_seconds_count", "channel", "email",
                "provider", "sandbox", "step", "primary");
        assertMoved(before, after, "narvark_delivery_dispatch_seconds_bucket", "channel", "email", "le", "+Inf");
        // The 200 ms promise is a bucket boundary, so the alert's p99 is exact there (a cold JVM may miss it).
        assertThat(after.samples()).anyMatch(s -> s.name().equals("narvark_delivery_dispatch_seconds_bucket")
                && "0.2".equals(s.labels().get("le")));
        assertMoved(before, after, "narvark_delivery_receipt_seconds_count", "channel", "email");
        assertMoved(before, after, "narvark_delivery_fallbacks_total", "from", "whatsapp", "to", "sms");
        assertMoved(before, after, "narvark_carrier_refusals_total", "provider", "simulator",
                "reason", "unreachable");
        assertMoved(before, after, "narvark_carrier_send_seconds_count", "provider", "sandbox",
                "outcome", "accepted");
        assertMoved(before, after, "narvark_rate_limit_refusals_total", "scope", "key");
        assertThat(after.samples()).filteredOn(sample -> sample.name().equals("narvark_webhook_attempts_total"))
                .extracting(sample -> sample.labels().get("outcome"))
                .contains("succeeded", "retrying", "failed", "gone");
        assertThat(after.sum("narvark_processor_lag_events", "processor", "otp-status")).isBetween(0.0, 1e6);
        // NaN says this node tracks no segment of the processor (other test contexts on the database may hold them);
        // a node that holds one reports a number.
        assertThat(after.samples()).filteredOn(sample -> sample.name().equals("narvark_processor_lag_events"))
                .filteredOn(sample -> Double.isNaN(sample.value()))
                .allMatch(sample -> after.sum("narvark_processor_segments_claimed", "processor",
                        sample.labels().get("processor")) == 0);
        assertThat(after.has("narvark_webhook_backlog_due")).isTrue();
        assertThat(after.names()).anyMatch(name -> name.startsWith("eventProcessor_latency"));
    }

    @Test
    void shouldKeepIdsKeysDestinationsAndSecretsOutOfEveryLabelWhenALifecycleRan() {
        Lifecycle run;
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            run = new Lifecycle(api, ADMIN_TOKEN).run(receiver);
        }
        Scrape scrape = Scrape.of(api, ADMIN_TOKEN);
        for (Scrape.Sample sample : scrape.samples()) {
            for (String value : sample.labels().values()) {
                assertThat(value).as(sample.toString()).doesNotContain("@", "acct_", "otp_", "key_", "nvk_",
                        "whsec_", "req_", "evt_", "we_");
                assertThat(value).as(sample.toString()).doesNotContainPattern("\\+[0-9]{6,}");
                run.identifiers().forEach(id -> assertThat(value).as(sample.toString()).doesNotContain(id));
            }
        }
    }

    private static void assertMoved(Scrape before, Scrape after, String name, String... labels) {
        assertThat(after.sum(name, labels)).as(name + " " + String.join(",", labels))
                .isGreaterThan(before.sum(name, labels));
    }
}
