package com.narvark.otp.delivery.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.narvark.otp.api.FailureReason;
import com.narvark.otp.api.RequestRefusedException;
import com.narvark.otp.api.RequestRefusedException.Reason;
import com.narvark.otp.delivery.CarrierFailure;
import com.narvark.otp.delivery.CarrierReceipt;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signature checks and status mapping of the carrier callbacks; forgeries are refused and yield no receipt. */
class CarrierCallbacksTest {

    private static final String URL = "https://otp.example.com/callbacks/twilio";
    private final TwilioCallbacks twilio = new TwilioCallbacks(new TwilioSettings("", "AC1", "12345", ""));
    private final WhatsAppCallbacks whatsApp = new WhatsAppCallbacks(
            new WhatsAppSettings("", "v21.0", "", "", "en_US", "app-secret", "vt-1"));

    /** Twilio's documented example: URL, then each parameter name and value in name order, HMAC-SHA1, base64. */
    @Test
    void shouldComputeTwilioSignaturesAsDocumentedWhenSigning() {
        String signature = twilio.signature("https://mycompany.com/myapp.php?foo=1&bar=2", Map.of("CallSid",
                "CA1234567890ABCDE", "Caller", "+14158675309", "Digits", "1234", "From", "+14158675309", "To",
                "+18005551212"));
        assertThat(signature).isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    }

    @Test
    void shouldYieldTheReceiptWhenTheTwilioSignatureIsValid() {
        Map<String, String> params = Map.of("MessageSid", "SM42", "MessageStatus", "delivered");
        assertThat(twilio.receiptOf(URL, params, twilio.signature(URL, params)))
                .contains(CarrierReceipt.delivered("twilio", "SM42"));
    }

    @Test
    void shouldRefuseAsUnauthorizedWhenTheTwilioSignatureIsForged() {
        Map<String, String> params = Map.of("MessageSid", "SM42", "MessageStatus", "delivered");
        String signedOtherwise = twilio.signature(URL, Map.of("MessageSid", "SM42", "MessageStatus", "failed"));
        assertRefused(() -> twilio.receiptOf(URL, params, signedOtherwise), Reason.UNAUTHORIZED);
        assertRefused(() -> twilio.receiptOf(URL, params, ""), Reason.UNAUTHORIZED);
        assertRefused(() -> twilio.receiptOf(URL, params, null), Reason.UNAUTHORIZED);
    }

    /** The default configuration has no carrier secrets: callbacks then cannot be authenticated at all. */
    @Test
    void shouldRefuseAsUnauthorizedWhenNoCarrierSecretIsConfigured() {
        TwilioCallbacks unconfiguredTwilio = new TwilioCallbacks(new TwilioSettings("", "AC1", "", ""));
        WhatsAppCallbacks unconfiguredWhatsApp = new WhatsAppCallbacks(
                new WhatsAppSettings("", "v21.0", "", "", "en_US", "", ""));
        byte[] body = "{\"entry\":[]}".getBytes(StandardCharsets.UTF_8);
        assertRefused(() -> unconfiguredWhatsApp.receiptsOf(body, "sha256=00"), Reason.UNAUTHORIZED);
        assertRefused(() -> unconfiguredTwilio.receiptOf(URL, Map.of("MessageSid", "SM1", "MessageStatus",
                "delivered"), "AAAA"), Reason.UNAUTHORIZED);
    }

    @Test
    void shouldMapCallOutcomesWhenTwilioReportsACall() {
        Map<String, String> noAnswer = Map.of("CallSid", "CA1", "CallStatus", "no-answer");
        assertThat(twilio.receiptOf(URL, noAnswer, twilio.signature(URL, noAnswer))).contains(CarrierReceipt.failed(
                "twilio", "CA1", new CarrierFailure(FailureReason.UNREACHABLE, "twilio:call_no_answer")));
        Map<String, String> ringing = Map.of("CallSid", "CA1", "CallStatus", "ringing");
        assertThat(twilio.receiptOf(URL, ringing, twilio.signature(URL, ringing))).isEmpty();
    }

    @Test
    void shouldEchoTheChallengeOnlyWhenTheVerifyTokenMatches() {
        assertThat(whatsApp.challenge(Map.of("hub.mode", "subscribe", "hub.verify_token", "vt-1",
                "hub.challenge", "1158201444"))).isEqualTo("1158201444");
        assertRefused(() -> whatsApp.challenge(Map.of("hub.mode", "subscribe", "hub.verify_token", "guess",
                "hub.challenge", "1")), Reason.FORBIDDEN);
        assertRefused(() -> whatsApp.challenge(Map.of("hub.verify_token", "vt-1")), Reason.FORBIDDEN);
    }

    @Test
    void shouldYieldReadAndFailureReceiptsOnlyWhenTheHubSignatureIsValid() {
        byte[] body = ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"value\":{\"statuses\":["
                + "{\"id\":\"wamid.1\",\"status\":\"read\"},{\"id\":\"wamid.2\",\"status\":\"failed\","
                + "\"errors\":[{\"code\":131026}]}]}}]}]}").getBytes(StandardCharsets.UTF_8);
        String signature = sign(body);

        assertRefused(() -> whatsApp.receiptsOf(body, signature.replace('a', 'b')), Reason.UNAUTHORIZED);
        assertThat(whatsApp.receiptsOf(body, signature)).containsExactly(
                CarrierReceipt.delivered("whatsapp-cloud", "wamid.1"), CarrierReceipt.read("whatsapp-cloud", "wamid.1"),
                CarrierReceipt.failed("whatsapp-cloud", "wamid.2",
                        new CarrierFailure(FailureReason.UNREACHABLE, "whatsapp:131026")));
    }

    @Test
    void shouldRefuseAsInvalidWhenASignedWebhookIsNotJson() {
        byte[] body = "{not json".getBytes(StandardCharsets.UTF_8);
        assertRefused(() -> whatsApp.receiptsOf(body, sign(body)), Reason.INVALID_REQUEST);
    }

    private static String sign(byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(Hmac.sign("HmacSHA256", "app-secret", body));
    }

    private static void assertRefused(Runnable callback, Reason reason) {
        assertThatThrownBy(callback::run).isInstanceOfSatisfying(RequestRefusedException.class,
                refused -> assertThat(refused.reason()).isEqualTo(reason));
    }
}
