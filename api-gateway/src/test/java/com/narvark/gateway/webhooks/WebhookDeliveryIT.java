package com.narvark.gateway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.WebhookReceiver.Answer;
import com.narvark.gateway.support.WebhookReceiver.Received;
import com.narvark.otp.api.Channel;
import com.narvark.otp.api.command.RecordOtpReadCommand;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Events reach a real receiver on loopback, signed, at least once, with retries. otp.expired is checked in
 * ExpiryAcrossRestartIT, which waits out a ttl anyway.
 */
class WebhookDeliveryIT extends WebhookIntegrationTest {

    @Autowired
    private CommandGateway commands;

    @Test
    void shouldDeliverEveryEventTypeOnceSignedOverTheRawBodyWhenTheLifecycleRuns() {
        String secret = createEndpoint(keys.test(), receiver.url("/hooks"), null).get("secret").asString();
        JsonNode liveEndpoint = createEndpoint(keys.live(), receiver.url("/live"), null);
        String verified = sendTestOtp(Map.of("metadata", Map.of("user", "Zoë 🦊 北京", "order", "42")));
        String locked = sendTestOtp(Map.of());
        awaitAccepted(4);
        assertThat(api.post("/v1/otp/verify", keys.test(), Api.json(Map.of("id", verified, "code", "123456")))
                .json().get("valid").asBoolean()).isTrue();
        for (int i = 0; i < 5; i++) {
            api.post("/v1/otp/verify", keys.test(), Api.json(Map.of("id", locked, "code", "000000")));
        }
        String read = api.post("/v1/otp/send", keys.live(), "{\"to\":\"" + TO + "\",\"channel\":\"email\"}")
                .text("id");
        // The simulator refuses every channel of this magic address: no carrier ever accepted the code.
        String failed = sendTestOtp(Map.of("to", "failed@narvark.test"));
        await(() -> "delivered".equals(api.get("/v1/otp/" + read, keys.live()).text("status")), WAIT);
        // The sandbox carrier delivers on acceptance; a read receipt is what a carrier's receipt turns into.
        commands.sendAndWait(new RecordOtpReadCommand(read, Channel.EMAIL, 0));

        List<Received> all = await(() -> receiver.accepted().size() >= 10 ? receiver.accepted() : null, WAIT);
        assertThat(all.stream().map(r -> r.otpId() + " " + r.type()).toList()).containsExactlyInAnyOrder(
                verified + " otp.dispatched", verified + " otp.delivered", verified + " otp.verified",
                locked + " otp.dispatched", locked + " otp.delivered", locked + " otp.locked",
                read + " otp.dispatched", read + " otp.delivered", read + " otp.read",
                failed + " otp.failed");
        String liveSecret = liveEndpoint.get("secret").asString();
        for (Received request : all) {
            assertSigned(request, request.path().equals("/live") ? liveSecret : secret);
            assertThat(new String(request.body(), StandardCharsets.UTF_8)).doesNotContain("123456")
                    .doesNotContain("code_hash");
        }
        Received withUnicode = all.stream().filter(r -> r.otpId().equals(verified) && r.type().equals("otp.verified"))
                .findFirst().orElseThrow();
        assertThat(new String(withUnicode.body(), StandardCharsets.UTF_8)).contains("Zoë 🦊 北京");
        JsonNode payload = withUnicode.json();
        assertThat(payload.get("livemode").asBoolean()).isFalse();
        assertThat(payload.get("api_version").asString()).isEqualTo("2026-11-26");
        assertThat(payload.get("data").get("status").asString()).isEqualTo("verified");
        assertThat(payload.get("data").get("to").asString()).isEqualTo(TO);
        assertThat(payload.get("data").get("metadata").get("user").asString()).isEqualTo("Zoë 🦊 北京");
        assertThat(all.stream().map(Received::eventId).distinct().count()).isEqualTo(10);
    }

    @Test
    void shouldCarryTheFailureReasonAndTheCarrierErrorWhenTheOtpFails() {
        createEndpoint(keys.test(), receiver.url("/hooks"), List.of("otp.failed"));
        String failed = sendTestOtp(Map.of("to", "content_rejected@narvark.test"));
        JsonNode data = awaitAccepted(1).get(0).json().get("data");
        assertThat(data.get("otp_id").asString()).isEqualTo(failed);
        assertThat(data.get("reason").asString()).isEqualTo("content_rejected");
        assertThat(data.get("failure_reason").asString()).isEqualTo("content_rejected");
        assertThat(data.get("carrier_error").asString()).isEqualTo("simulator:content_rejected");
    }

    @Test
    void shouldCarryThePartsAndTheAlphabetWhenAnSmsIsDispatched() {
        createEndpoint(keys.test(), receiver.url("/hooks"), List.of("otp.dispatched"));
        sendTestOtp(Map.of("to", "+15005550001", "channel", "sms"));
        JsonNode data = awaitAccepted(1).get(0).json().get("data");
        assertThat(data.get("parts").asInt()).isEqualTo(1);
        assertThat(data.get("encoding").asString()).isEqualTo("gsm7");
    }

    @Test
    void shouldSendTheSameEventIdAgainWhenTheReceiverAnswers500Then200() {
        String endpoint = createEndpoint(keys.test(), receiver.url("/hooks"), List.of("otp.delivered")).get("id")
                .asString();
        receiver.answer(n -> Answer.status(n == 1 ? 500 : 200));
        sendTestOtp(Map.of());

        List<Received> accepted = awaitAccepted(1);
        List<Received> all = receiver.received();
        assertThat(all).hasSize(2);
        assertThat(all.get(0).eventId()).isEqualTo(all.get(1).eventId()).isEqualTo(accepted.get(0).eventId());
        assertThat(all.get(0).body()).isEqualTo(all.get(1).body());
        JsonNode delivery = await(() -> {
            JsonNode d = deliveries(keys.test(), "?endpoint_id=" + endpoint).get("data").get(0);
            return "succeeded".equals(d.get("status").asString()) ? d : null;
        }, WAIT);
        assertThat(delivery.get("attempts").findValuesAsString("http_status")).containsExactly("500", "200");
        assertThat(delivery.get("event_id").asString()).isEqualTo(accepted.get(0).eventId());
    }

    @Test
    void shouldDisableTheEndpointWhenItAnswers410() {
        String endpoint = createEndpoint(keys.test(), receiver.url("/gone"), List.of("otp.dispatched")).get("id")
                .asString();
        receiver.answer(n -> Answer.status(410));
        sendTestOtp(Map.of());

        JsonNode disabled = await(() -> {
            JsonNode e = api.get("/v1/webhook_endpoints/" + endpoint, keys.test()).json();
            return "disabled".equals(e.get("status").asString()) ? e : null;
        }, WAIT);
        assertThat(disabled.get("disabled_reason").asString()).contains("410");
        sendTestOtp(Map.of());
        sleep(Duration.ofMillis(800));
        assertThat(receiver.received()).hasSize(1);
        assertThat(deliveries(keys.test(), "?endpoint_id=" + endpoint).get("data")).hasSize(1);
    }

    @Test
    void shouldNotFollowARedirectWhenTheReceiverAnswers302() {
        createEndpoint(keys.test(), receiver.url("/hooks"), List.of("otp.dispatched"));
        receiver.answer(n -> n == 1 ? new Answer(302, Map.of("Location", receiver.url("/elsewhere")), 0)
                : Answer.status(200));
        sendTestOtp(Map.of());

        awaitAccepted(1);
        assertThat(receiver.received()).extracting(Received::path).containsExactly("/hooks", "/hooks");
        assertThat(receiver.received().get(0).answeredStatus()).isEqualTo(302);
    }

    @Test
    void shouldTimeOutAndRetryWhenTheReceiverHangs() {
        String endpoint = createEndpoint(keys.test(), receiver.url("/slow"), List.of("otp.dispatched")).get("id")
                .asString();
        receiver.answer(n -> n == 1 ? new Answer(500, Map.of(), 5_000) : Answer.status(200));
        sendTestOtp(Map.of());

        awaitAccepted(1);
        JsonNode attempts = await(() -> {
            JsonNode d = deliveries(keys.test(), "?endpoint_id=" + endpoint).get("data").get(0);
            return "succeeded".equals(d.get("status").asString()) ? d.get("attempts") : null;
        }, WAIT);
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).get("http_status").isNull()).isTrue();
        assertThat(attempts.get(0).get("error").asString()).contains("timed out");
        assertThat(attempts.get(0).get("latency_ms").asLong()).isBetween(1_900L, 4_900L);
    }

    @Test
    void shouldWaitForRetryAfterWhenTheReceiverAsksForIt() {
        createEndpoint(keys.test(), receiver.url("/busy"), List.of("otp.dispatched"));
        receiver.answer(n -> n == 1 ? new Answer(503, Map.of("Retry-After", "2"), 0) : Answer.status(200));
        sendTestOtp(Map.of());

        awaitAccepted(1);
        List<Received> all = receiver.received();
        assertThat(Duration.between(all.get(0).at(), all.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(1_900));
    }

    @Test
    void shouldSignWithBothSecretsWhenTheSecretWasJustRotated() {
        JsonNode endpoint = createEndpoint(keys.test(), receiver.url("/hooks"), List.of("otp.dispatched"));
        String oldSecret = endpoint.get("secret").asString();
        Api.Response rotated = api.post("/v1/webhook_endpoints/" + endpoint.get("id").asString() + "/rotate_secret",
                keys.test(), "");
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String newSecret = rotated.text("secret");
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
        sendTestOtp(Map.of());

        Received request = awaitAccepted(1).get(0);
        assertSigned(request, newSecret);
        assertSigned(request, oldSecret);
        assertThat(request.header("webhook-signature").split(" ")).hasSize(2);
    }

    @Test
    void shouldSendTheEventAgainWithTheSameIdWhenRedelivered() {
        String endpoint = createEndpoint(keys.test(), receiver.url("/hooks"), List.of("otp.delivered")).get("id")
                .asString();
        sendTestOtp(Map.of());
        Received first = awaitAccepted(1).get(0);
        String delivery = await(() -> {
            JsonNode d = deliveries(keys.test(), "?endpoint_id=" + endpoint).get("data").get(0);
            return "succeeded".equals(d.get("status").asString()) ? d.get("id").asString() : null;
        }, WAIT);

        Api.Response redelivered = api.post("/v1/webhook_deliveries/" + delivery + "/redeliver", keys.test(), "");
        assertThat(redelivered.status()).as(redelivered.toString()).isEqualTo(200);
        assertThat(redelivered.text("status")).isEqualTo("pending");
        Received second = awaitAccepted(2).get(1);
        assertThat(second.eventId()).isEqualTo(first.eventId());
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(api.post("/v1/webhook_deliveries/" + delivery + "/redeliver", keys.live(), "").status())
                .isEqualTo(404);
    }

    @Test
    void shouldSendNoHistoryWhenAnEndpointIsRegisteredAfterTheEvents() {
        // The witness endpoint's deliveries show that the webhook processor has handled the first OTP's events.
        createEndpoint(keys.test(), receiver.url("/witness"), null);
        String before = sendTestOtp(Map.of());
        awaitAccepted(2);
        createEndpoint(keys.test(), receiver.url("/late"), null);
        String after = sendTestOtp(Map.of());

        awaitAccepted(6);
        sleep(Duration.ofMillis(500));
        assertThat(receiver.received().stream().filter(r -> r.path().equals("/late")).map(Received::otpId))
                .hasSize(2).containsOnly(after);
        assertThat(receiver.received().stream().filter(r -> r.path().equals("/witness")).map(Received::otpId))
                .containsOnly(before, after);
    }

    @Test
    void shouldSendTestEventsOnlyToTestEndpointsWhenBothEnvironmentsHaveOne() {
        createEndpoint(keys.test(), receiver.url("/test"), null);
        createEndpoint(keys.live(), receiver.url("/live"), null);
        sendTestOtp(Map.of());

        awaitAccepted(2);
        sleep(Duration.ofMillis(500));
        assertThat(receiver.received()).extracting(Received::path).containsOnly("/test");
        assertThat(receiver.received()).allMatch(r -> !r.json().get("livemode").asBoolean());
    }

    @Test
    void shouldKeepEachEndpointsOrderAndNotWaitForAHangingEndpointWhenOneEndpointIsDead() {
        createEndpoint(keys.test(), receiver.url("/dead"), null);
        createEndpoint(keys.test(), receiver.url("/healthy"), null);
        receiver.answerByPath(path -> path.equals("/dead") ? new Answer(500, Map.of(), 5_000) : Answer.status(200));
        List<String> otps = List.of(sendTestOtp(Map.of()), sendTestOtp(Map.of()), sendTestOtp(Map.of()));

        List<Received> healthy = await(() -> {
            List<Received> h = receiver.accepted().stream().filter(r -> r.path().equals("/healthy")).toList();
            return h.size() >= 6 ? h : null;
        }, Duration.ofSeconds(4));
        for (String otp : otps) {
            List<String> types = healthy.stream().filter(r -> r.otpId().equals(otp)).map(Received::type).toList();
            assertThat(types).containsExactly("otp.dispatched", "otp.delivered");
        }
        // Past the first attempt's timeout (2 s) and its retry: the later events were due all along.
        sleep(Duration.ofMillis(3_500));
        Set<String> deadEvents = receiver.received().stream().filter(r -> r.path().equals("/dead"))
                .map(Received::eventId).collect(Collectors.toSet());
        // Only the dead endpoint's oldest event is tried; its later ones wait behind it, in order.
        assertThat(deadEvents).hasSize(1);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
