package com.narvark.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.Await;
import com.narvark.gateway.support.WebhookReceiver;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * One OTP followed from the HTTP request to the SMSC in one trace (the SMSC's receipt, which carries no context of
 * ours, starts a trace of its own), the JSON log lines of that work carrying its trace id, every metric the deploy
 * files name present after a lifecycle, and readiness following the SMPP bind.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsIT extends OperationsContext {

    private String liveKey() {
        for (JsonNode key : api.post("/v1/admin/accounts", ADMIN, "{\"name\":\"ops\"}").json().get("keys")) {
            if (key.get("livemode").asBoolean()) {
                return key.get("secret").asString();
            }
        }
        throw new IllegalStateException("no live key");
    }

    @Test
    @Order(1)
    void shouldFollowOneOtpFromTheRequestToTheCarrierInOneTraceWhenItIsSentOverSmpp(CapturedOutput output) {
        String key = liveKey();
        Api.Response sent = api.post("/v1/otp/send", key, "{\"to\":\"+447911123456\",\"channel\":\"sms\"}");
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        String requestId = sent.headers().firstValue("Request-Id").orElseThrow();
        String otpId = sent.text("id");
        Await.until(() -> "delivered".equals(api.get("/v1/otp/" + otpId, key).text("status")) ? true : null,
                Duration.ofSeconds(15));

        SpanData server = Await.until(() -> SPANS.getFinishedSpanItems().stream().filter(span ->
                requestId.equals(span.getAttributes().asMap().entrySet().stream()
                        .filter(e -> e.getKey().getKey().equals("narvark.request_id"))
                        .map(e -> e.getValue().toString()).findFirst().orElse(null))).findFirst().orElse(null),
                Duration.ofSeconds(10));
        String traceId = server.getTraceId();
        List<SpanData> trace = Await.until(() -> {
            List<SpanData> spans = SPANS.getFinishedSpanItems().stream()
                    .filter(span -> span.getTraceId().equals(traceId)).toList();
            return spans.stream().anyMatch(s -> s.getName().equals("event OtpDispatchedEvent")) ? spans : null;
        }, Duration.ofSeconds(10));
        Map<String, SpanData> byName = TraceTree.byName(trace);
        assertThat(byName).containsKeys("command SendOtpCommand", "event OtpRequestedEvent", "carrier smpp sms",
                "command RecordOtpDispatchedCommand", "event OtpDispatchedEvent");
        SpanData carrier = byName.get("carrier smpp sms");
        assertThat(TraceTree.ancestors(carrier, trace)).extracting(SpanData::getName)
                .contains("event OtpRequestedEvent", "command SendOtpCommand", server.getName());
        assertThat(TraceTree.parent(carrier, trace).getAttributes().asMap().toString())
                .contains("otp-delivery");

        List<JsonNode> lines = JsonLogs.lines(output.getOut());
        assertThat(lines).as("the console speaks JSON").isNotEmpty();
        assertThat(lines).filteredOn(line -> requestId.equals(JsonLogs.field(line, "requestId")))
                .isNotEmpty().allMatch(line -> traceId.equals(JsonLogs.traceId(line)));
        assertThat(lines).filteredOn(line -> JsonLogs.field(line, "process.thread.name").startsWith("carrier-sms"))
                .filteredOn(line -> JsonLogs.field(line, "message").contains(otpId))
                .isNotEmpty().allMatch(line -> traceId.equals(JsonLogs.traceId(line)));
    }

    @Test
    @Order(2)
    void shouldScrapeEveryMetricTheDeployFilesNameWhenALifecycleRan() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            new Lifecycle(api, ADMIN).run(receiver);
        }
        // Readiness waits for the processor sampler's first look after the start (every 500 ms here). The webhook
        // counters are scraped whichever node of the shared test database sent this lifecycle's webhooks.
        Scrape scrape = Await.until(() -> {
            Scrape s = Scrape.of(api, ADMIN);
            return s.sum("narvark_readiness") == 1.0 ? s : null;
        }, Duration.ofSeconds(10));
        scrape.save("operations-scrape.txt");
        assertThat(DeployFiles.metricNames()).hasSizeGreaterThan(15)
                .allSatisfy(name -> assertThat(scrape.names()).as(name).contains(name));
        assertThat(scrape.sum("narvark_smpp_bound")).isEqualTo(1.0);
    }

    @Test
    @Order(3)
    void shouldTurnReadinessDownAndBackUpWhenTheSmscGoesAwayAndReturns() throws Exception {
        Await.until(() -> readiness(null).status() == 200 ? true : null, Duration.ofSeconds(10));
        int port = smsc.port();
        smsc.close();
        Api.Response down = Await.until(() -> {
            Api.Response r = readiness(ADMIN);
            return r.status() == 503 ? r : null;
        }, Duration.ofSeconds(15));
        assertThat(down.json().path("components").path("smpp").path("status").asString()).isEqualTo("DOWN");
        assertThat(readiness(null).body()).doesNotContain("components");
        assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
        smsc = start(port);
        Await.until(() -> readiness(null).status() == 200 ? true : null, Duration.ofSeconds(30));
    }

    private Api.Response readiness(String token) {
        return api.get("/actuator/health/readiness", token);
    }
}
