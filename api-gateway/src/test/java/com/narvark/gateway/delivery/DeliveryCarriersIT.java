package com.narvark.gateway.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.Await;
import com.narvark.gateway.support.MessageCodes;
import com.narvark.gateway.support.TestDatabase;
import com.narvark.gateway.support.TestSettings;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * End to end through real carrier protocols on loopback: the gateway sends over SMPP, SMTP and the Twilio- and
 * Meta-shaped HTTP APIs, receipts come back as deliver_sm and as signed (and forged) status callbacks, and the
 * delivery process falls back on refusals, failed receipts and receipt timeouts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeliveryCarriersIT {

    private static final String ADMIN = "carriers-admin-token-0123456789-0123456789";
    private static final String WHATSAPP_PATH = "/v21.0/1055/messages";
    private static final String CALLS_PATH = "/2010-04-01/Accounts/AC123/Calls.json";

    @LocalServerPort
    private int port;
    private Api api;
    private String key;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.apply(registry::add, TestDatabase.jdbcUrl("carriers"));
        registry.add("narvark.admin.token", () -> ADMIN);
        CarrierStandIns.configure(registry::add);
    }

    @BeforeEach
    void account() {
        api = new Api(port);
        for (JsonNode k : api.post("/v1/admin/accounts", ADMIN, "{\"name\":\"carriers\"}").json().get("keys")) {
            key = k.get("livemode").asBoolean() ? k.get("secret").asString() : key;
        }
        CarrierStandIns.SMSC.receipts(DeliveryReceiptState.DELIVRD);
        CarrierStandIns.HTTP.resetAll();
    }

    private String send(String to, String channel, String fallback) {
        String body = "{\"to\":\"" + to + "\",\"channel\":\"" + channel + "\""
                + (fallback == null ? "" : ",\"fallback\":" + fallback) + "}";
        Api.Response sent = api.post("/v1/otp/send", key, body);
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        return sent.text("id");
    }

    private JsonNode awaitStatus(String otpId, String status, Duration timeout) {
        return Await.until(() -> {
            JsonNode otp = api.get("/v1/otp/" + otpId, key).json();
            return status.equals(otp.get("status").asString()) ? otp : null;
        }, timeout);
    }

    private static <T> T await(Supplier<T> probe) {
        return Await.until(probe, Duration.ofSeconds(10));
    }


    private boolean verify(String otpId, String code) {
        return api.post("/v1/otp/verify", key, Api.json(Map.of("id", otpId, "code", code))).json().get("valid")
                .asBoolean();
    }

    private static void whatsAppAnswers(String to, int status, String body) {
        CarrierStandIns.HTTP.stubFor(post(urlEqualTo(WHATSAPP_PATH)).withRequestBody(matchingJsonPath("$.to", equalTo(to)))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody(body)));
    }

    private Api.Response whatsAppWebhook(String body, String secret) {
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        String signature = "sha256=" + HexFormat.of().formatHex(hmac("HmacSHA256", secret, raw));
        return api.send(api.request("/callbacks/whatsapp", null).header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(raw)));
    }

    private Api.Response twilioCallback(Map<String, String> params, String token) {
        StringBuilder signed = new StringBuilder(CarrierStandIns.CALLBACK_BASE + "/callbacks/twilio");
        new TreeMap<>(params).forEach((k, v) -> signed.append(k).append(v));
        String signature = Base64.getEncoder().encodeToString(hmac("HmacSHA1", token,
                signed.toString().getBytes(StandardCharsets.UTF_8)));
        StringBuilder form = new StringBuilder();
        params.forEach((k, v) -> form.append(form.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return api.send(api.request("/callbacks/twilio", null)
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Twilio-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
    }

    private static byte[] hmac(String algorithm, String key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldDeliverOverSmppAndApplyTheReceiptWhenSendingSms() {
        String otpId = send("+447911100001", "sms", null);
        var sm = await(() -> CarrierStandIns.SMSC.submitted().stream()
                .filter(s -> s.destination().equals("447911100001")).findFirst().orElse(null));
        JsonNode delivered = awaitStatus(otpId, "delivered", Duration.ofSeconds(10));
        assertThat(delivered.get("channels_tried").toString()).isEqualTo("[\"sms\"]");
        // The stand-in decodes GSM-7 as a handset does: the text arrives exactly as written, in one part.
        assertThat(sm.dataCoding()).isEqualTo((byte) 0x00);
        assertThat(sm.parts()).isEqualTo(1);
        assertThat(sm.text()).matches("\\d{6} is your .+ verification code\\. It expires in \\d+ minutes?\\. "
                + "Don't share it with anyone\\.");
        JsonNode attempt = delivered.get("delivery_attempts").get(0);
        assertThat(attempt.get("parts").asInt()).isEqualTo(1);
        assertThat(attempt.get("encoding").asString()).isEqualTo("gsm7");
        assertThat(delivered.get("parts").asInt()).isEqualTo(1);
        assertThat(verify(otpId, MessageCodes.in(sm.text()))).isTrue();
    }

    @Test
    void shouldSendTheTranslatedTextInUcs2PartsOverSmppWhenTheLocaleHasLettersOutsideGsm7() {
        Api.Response sent = api.post("/v1/otp/send", key,
                "{\"to\":\"+447911100010\",\"channel\":\"sms\",\"brand\":\"Acme Shop\",\"locale\":\"es\"}");
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        String otpId = sent.text("id");
        var sm = await(() -> CarrierStandIns.SMSC.submitted().stream()
                .filter(s -> s.destination().equals("447911100010")).findFirst().orElse(null));
        JsonNode delivered = awaitStatus(otpId, "delivered", Duration.ofSeconds(10));
        // The text the delivery process rendered in Spanish is what the SMPP provider encodes: "ó" is not GSM-7, so UCS-2, and
        // 97 characters are two parts of at most 67.
        assertThat(sm.dataCoding()).isEqualTo((byte) 0x08);
        assertThat(sm.parts()).isEqualTo(2);
        assertThat(sm.text()).matches("\\d{6} es tu código de verificación de Acme Shop\\. Caduca en 5 minutos\\. "
                + "No lo compartas con nadie\\.");
        JsonNode attempt = delivered.get("delivery_attempts").get(0);
        assertThat(attempt.get("encoding").asString()).isEqualTo("ucs2");
        assertThat(attempt.get("parts").asInt()).isEqualTo(2);
        assertThat(delivered.get("parts").asInt()).isEqualTo(2);
        assertThat(delivered.get("locale").asString()).isEqualTo("es");
        assertThat(verify(otpId, MessageCodes.in(sm.text()))).isTrue();
    }

    @Test
    void shouldSendAMultipartEmailWithTheCodeOverSmtpWhenSendingEmail() {
        String otpId = send("jane.smtp@example.com", "email", null);
        MimeMessage mail = await(() -> {
            for (MimeMessage m : CarrierStandIns.SMTP.getReceivedMessages()) {
                if (GreenMailUtil.getHeaders(m).contains("jane.smtp@example.com")) {
                    return m;
                }
            }
            return null;
        });
        awaitStatus(otpId, "dispatched", Duration.ofSeconds(10));
        String body = GreenMailUtil.getBody(mail);
        String code = MessageCodes.in(body);
        assertThat(code).hasSize(6).containsOnlyDigits();
        assertThat(verify(otpId, code)).isTrue();
    }

    @Test
    void shouldReachReadWhenMetaReportsDeliveredAndReadAndRejectForgeries() {
        whatsAppAnswers("447911100002", 200, "{\"messages\":[{\"id\":\"wamid.READ1\"}]}");
        String otpId = send("+447911100002", "whatsapp", null);
        awaitStatus(otpId, "dispatched", Duration.ofSeconds(10));
        String statuses = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"value\":{"
                + "\"statuses\":[{\"id\":\"wamid.READ1\",\"status\":\"%s\"}]}}]}]}";

        assertThat(whatsAppWebhook(statuses.formatted("failed"), "forged-secret").status()).isEqualTo(401);
        assertThat(whatsAppWebhook(statuses.formatted("delivered"), "meta-app-secret").status()).isEqualTo(200);
        awaitStatus(otpId, "delivered", Duration.ofSeconds(10));
        assertThat(whatsAppWebhook(statuses.formatted("read"), "meta-app-secret").status()).isEqualTo(200);
        assertThat(whatsAppWebhook(statuses.formatted("read"), "meta-app-secret").status()).isEqualTo(200);
        JsonNode read = awaitStatus(otpId, "read", Duration.ofSeconds(10));
        assertThat(read.get("channels_tried").toString()).isEqualTo("[\"whatsapp\"]");
    }

    @Test
    void shouldAnswerMetasSubscriptionHandshakeOnlyWithTheRightToken() {
        Api.Response ok = api.get("/callbacks/whatsapp?hub.mode=subscribe&hub.verify_token=meta-verify-token"
                + "&hub.challenge=1158201444", null);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("1158201444");
        assertThat(api.get("/callbacks/whatsapp?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1", null)
                .status()).isEqualTo(403);
    }

    @Test
    void shouldFallBackToSmsWhenMetaRefusesTheMessage() {
        whatsAppAnswers("447911100003", 400, "{\"error\":{\"code\":131026,\"message\":\"undeliverable\"}}");
        String otpId = send("+447911100003", "whatsapp", "\"sms\"");
        JsonNode delivered = awaitStatus(otpId, "delivered", Duration.ofSeconds(10));
        assertThat(delivered.get("channel").asString()).isEqualTo("sms");
        assertThat(delivered.get("channels_tried").toString()).isEqualTo("[\"whatsapp\",\"sms\"]");
    }

    @Test
    void shouldFallBackWhenNoReceiptArrivesInTime() {
        whatsAppAnswers("447911100004", 200, "{\"messages\":[{\"id\":\"wamid.SILENT\"}]}");
        String otpId = send("+447911100004", "whatsapp", "[\"sms\"]");
        awaitStatus(otpId, "dispatched", Duration.ofSeconds(5));
        JsonNode delivered = awaitStatus(otpId, "delivered", Duration.ofSeconds(15));
        assertThat(delivered.get("channel").asString()).isEqualTo("sms");
    }

    @Test
    void shouldFallBackWhenTheSmscReportsTheSmsUndeliverable() {
        CarrierStandIns.SMSC.receipts(DeliveryReceiptState.UNDELIV);
        CarrierStandIns.HTTP.stubFor(post(urlEqualTo(CALLS_PATH)).withRequestBody(containing("447911100005"))
                .willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"CA55\"}")));
        String otpId = send("+447911100005", "sms", "\"voice\"");
        await(() -> CarrierStandIns.HTTP.findAll(postRequestedFor(urlEqualTo(CALLS_PATH))).isEmpty() ? null : true);
        CarrierStandIns.SMSC.receipts(DeliveryReceiptState.DELIVRD);

        Map<String, String> forged = Map.of("CallSid", "CA55", "CallStatus", "completed");
        assertThat(twilioCallback(forged, "not-the-token").status()).isEqualTo(401);
        assertThat(twilioCallback(forged, "twilio-token").status()).isEqualTo(200);
        JsonNode delivered = awaitStatus(otpId, "delivered", Duration.ofSeconds(10));
        assertThat(delivered.get("channels_tried").toString()).isEqualTo("[\"sms\",\"voice\"]");
        JsonNode smsAttempt = delivered.get("delivery_attempts").get(0);
        assertThat(smsAttempt.get("failure_reason").asString()).isEqualTo("unreachable");
        assertThat(smsAttempt.get("carrier_error").asString()).isEqualTo("smpp:stat=UNDELIV;err=000");
        assertThat(delivered.get("failure_reason").isNull()).isTrue();
    }

    @Test
    void shouldFailTheOtpWhenEveryChannelFails() {
        whatsAppAnswers("447911100006", 400, "{\"error\":{\"code\":131026}}");
        CarrierStandIns.SMSC.refuse("447911100006");
        String otpId = send("+447911100006", "whatsapp", "\"sms\"");
        JsonNode failed = awaitStatus(otpId, "failed", Duration.ofSeconds(10));
        assertThat(failed.get("failed_at").isNull()).isFalse();
        // The OTP failed with its last attempt's reason (the SMSC's ESME_RINVDSTADR); each attempt keeps its own.
        assertThat(failed.get("failure_reason").asString()).isEqualTo("invalid_destination");
        assertThat(failed.get("carrier_error").asString()).isEqualTo("smpp:0x0000000B");
        JsonNode whatsApp = failed.get("delivery_attempts").get(0);
        assertThat(whatsApp.get("failure_reason").asString()).isEqualTo("unreachable");
        assertThat(whatsApp.get("carrier_error").asString()).isEqualTo("whatsapp:131026");
        assertThat(verify(otpId, "000000")).isFalse();
    }

    @Test
    void shouldScriptEveryOutcomeWhenTestKeysUseMagicDestinations() {
        String testKey = null;
        for (JsonNode k : api.post("/v1/admin/accounts", ADMIN, "{\"name\":\"magic\"}").json().get("keys")) {
            testKey = k.get("livemode").asBoolean() ? testKey : k.get("secret").asString();
        }
        String saved = key;
        key = testKey;
        try {
            int submittedBefore = CarrierStandIns.SMSC.submitted().size();
            String read = send("+15005550002", "whatsapp", null);
            String fallback = send("+15005550003", "whatsapp", "\"sms\"");
            String failed = send("failed@narvark.test", "email", null);
            String silent = send("+15005550005", "sms", null);
            awaitStatus(read, "read", Duration.ofSeconds(10));
            assertThat(awaitStatus(fallback, "delivered", Duration.ofSeconds(10)).get("channel").asString())
                    .isEqualTo("sms");
            awaitStatus(failed, "failed", Duration.ofSeconds(10));
            // No receipt proves nothing: the OTP stays dispatched, says so, and the code still verifies.
            assertThat(Await.until(() -> api.get("/v1/otp/" + silent, key).json().get("unconfirmed_at").isNull()
                    ? null : true, Duration.ofSeconds(15))).isTrue();
            assertThat(verify(silent, "123456")).isTrue();
            assertThat(CarrierStandIns.SMSC.submitted()).hasSize(submittedBefore);
        } finally {
            key = saved;
        }
    }

    @Test
    void shouldFallBackToVoiceWhenTheSmscRefusesTheSms() {
        CarrierStandIns.SMSC.refuse("447911100007");
        CarrierStandIns.HTTP.stubFor(post(urlEqualTo(CALLS_PATH)).withRequestBody(containing("447911100007"))
                .willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"CA77\"}")));
        String otpId = send("+447911100007", "sms", "\"voice\"");
        awaitStatus(otpId, "dispatched", Duration.ofSeconds(10));
        assertThat(twilioCallback(Map.of("CallSid", "CA77", "CallStatus", "completed"), "twilio-token").status())
                .isEqualTo(200);
        JsonNode delivered = awaitStatus(otpId, "delivered", Duration.ofSeconds(10));
        assertThat(delivered.get("channels_tried").toString()).isEqualTo("[\"sms\",\"voice\"]");
    }

    @Test
    void shouldFallBackToSmsWhenTheCallIsRefusedOrNeverAnswered() {
        CarrierStandIns.HTTP.stubFor(post(urlEqualTo(CALLS_PATH)).withRequestBody(containing("447911100008"))
                .willReturn(aResponse().withStatus(400).withBody("{\"code\":13224,\"message\":\"invalid\"}")));
        CarrierStandIns.HTTP.stubFor(post(urlEqualTo(CALLS_PATH)).withRequestBody(containing("447911100009"))
                .willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"CA99\"}")));
        String refused = send("+447911100008", "voice", "\"sms\"");
        String unanswered = send("+447911100009", "voice", "\"sms\"");
        assertThat(awaitStatus(refused, "delivered", Duration.ofSeconds(10)).get("channel").asString())
                .isEqualTo("sms");
        assertThat(awaitStatus(unanswered, "delivered", Duration.ofSeconds(15)).get("channel").asString())
                .isEqualTo("sms");
    }
}
