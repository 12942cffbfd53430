package com.narvark.otp.delivery.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.otp.api.command.CarrierCallbackResult;
import com.narvark.otp.api.command.HandleCarrierCallbackCommand;
import com.narvark.otp.delivery.RecordingReceipts;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signature checks and status mapping of the carrier callbacks; forgeries must change nothing. */
class CarrierCallbacksTest {

    private static final String URL = "https://otp.example.com/callbacks/twilio";
    private final RecordingReceipts receipts = new RecordingReceipts();
    private final TwilioSettings twilio = new TwilioSettings("", "AC1", "12345", "");
    private final WhatsAppSettings whatsApp = new WhatsAppSettings("", "v21.0", "", "", "en_US", "app-secret", "vt-1");
    private final CarrierCallbacks callbacks = new CarrierCallbacks(new TwilioCallbacks(twilio, receipts),
            new WhatsAppCallbacks(whatsApp, receipts));

    private CarrierCallbackResult twilio(Map<String, String> params, String signature) {
        return callbacks.handle(new HandleCarrierCallbackCommand("twilio", "POST", URL,
                Map.of("x-twilio-signature", signature), params, new byte[0]));
    }

    /** Twilio's documented example: URL, then each parameter name and value in name order, HMAC-SHA1, base64. */
    @Test
    void shouldComputeTwilioSignaturesAsDocumentedWhenSigning() {
        String signature = new TwilioCallbacks(twilio, receipts).signature(
                "https://mycompany.com/myapp.php?foo=1&bar=2", Map.of("CallSid", "CA1234567890ABCDE",
                        "Caller", "+14158675309", "Digits", "1234", "From", "+14158675309", "To", "+18005551212"));
        assertThat(signature).isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    }

    @Test
    void shouldApplyTheReceiptWhenTheTwilioSignatureIsValid() {
        Map<String, String> params = Map.of("MessageSid", "SM42", "MessageStatus", "delivered");
        String signature = new TwilioCallbacks(twilio, receipts).signature(URL, params);
        assertThat(twilio(params, signature).httpStatus()).isEqualTo(200);
        assertThat(receipts.seen).containsExactly("delivered twilio SM42");
    }

    @Test
    void shouldRejectAndApplyNothingWhenTheTwilioSignatureIsForged() {
        Map<String, String> params = Map.of("MessageSid", "SM42", "MessageStatus", "delivered");
        String signature = new TwilioCallbacks(twilio, receipts).signature(URL, Map.of("MessageSid", "SM42",
                "MessageStatus", "failed"));
        assertThat(twilio(params, signature).httpStatus()).isEqualTo(401);
        assertThat(twilio(params, "").httpStatus()).isEqualTo(401);
        assertThat(receipts.seen).isEmpty();
    }

    /** The default configuration has no carrier secrets: callbacks then cannot be authenticated at all. */
    @Test
    void shouldAnswer401AndApplyNothingWhenNoCarrierSecretIsConfigured() {
        CarrierCallbacks unconfigured = new CarrierCallbacks(
                new TwilioCallbacks(new TwilioSettings("", "AC1", "", ""), receipts),
                new WhatsAppCallbacks(new WhatsAppSettings("", "v21.0", "", "", "en_US", "", ""), receipts));
        byte[] body = "{\"entry\":[]}".getBytes(StandardCharsets.UTF_8);
        assertThat(unconfigured.handle(new HandleCarrierCallbackCommand("whatsapp", "POST", URL,
                Map.of("x-hub-signature-256", "sha256=00"), Map.of(), body)).httpStatus()).isEqualTo(401);
        assertThat(unconfigured.handle(new HandleCarrierCallbackCommand("twilio", "POST", URL,
                Map.of("x-twilio-signature", "AAAA"), Map.of("MessageSid", "SM1", "MessageStatus", "delivered"),
                new byte[0])).httpStatus()).isEqualTo(401);
        assertThat(receipts.seen).isEmpty();
    }

    @Test
    void shouldMapCallOutcomesWhenTwilioReportsACall() {
        Map<String, String> busy = Map.of("CallSid", "CA1", "CallStatus", "no-answer");
        twilio(busy, new TwilioCallbacks(twilio, receipts).signature(URL, busy));
        assertThat(receipts.seen).containsExactly("failed twilio CA1 unreachable twilio:call_no_answer");
    }

    @Test
    void shouldEchoTheChallengeOnlyWhenTheVerifyTokenMatches() {
        Map<String, String> handshake = Map.of("hub.mode", "subscribe", "hub.verify_token", "vt-1",
                "hub.challenge", "1158201444");
        assertThat(callbacks.handle(new HandleCarrierCallbackCommand("whatsapp", "GET", URL, Map.of(), handshake,
                new byte[0]))).isEqualTo(new CarrierCallbackResult(200, "1158201444"));
        assertThat(callbacks.handle(new HandleCarrierCallbackCommand("whatsapp", "GET", URL, Map.of(),
                Map.of("hub.mode", "subscribe", "hub.verify_token", "guess", "hub.challenge", "1"), new byte[0]))
                .httpStatus()).isEqualTo(403);
    }

    @Test
    void shouldApplyReadAndFailureStatusesOnlyWhenTheHubSignatureIsValid() {
        byte[] body = ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"value\":{\"statuses\":["
                + "{\"id\":\"wamid.1\",\"status\":\"read\"},{\"id\":\"wamid.2\",\"status\":\"failed\","
                + "\"errors\":[{\"code\":131026}]}]}}]}]}").getBytes(StandardCharsets.UTF_8);
        String signature = "sha256=" + HexFormat.of().formatHex(Hmac.sign("HmacSHA256", "app-secret", body));

        CarrierCallbackResult forged = callbacks.handle(new HandleCarrierCallbackCommand("whatsapp", "POST", URL,
                Map.of("x-hub-signature-256", signature.replace('a', 'b')), Map.of(), body));
        assertThat(forged.httpStatus()).isEqualTo(401);
        assertThat(receipts.seen).isEmpty();

        CarrierCallbackResult genuine = callbacks.handle(new HandleCarrierCallbackCommand("whatsapp", "POST", URL,
                Map.of("x-hub-signature-256", signature), Map.of(), body));
        assertThat(genuine.httpStatus()).isEqualTo(200);
        assertThat(receipts.seen).containsExactly("delivered whatsapp-cloud wamid.1", "read whatsapp-cloud wamid.1",
                "failed whatsapp-cloud wamid.2 unreachable whatsapp:131026");
    }
}
