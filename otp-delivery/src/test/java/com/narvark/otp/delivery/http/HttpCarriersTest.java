package com.narvark.otp.delivery.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.narvark.otp.api.Channel;
import com.narvark.otp.api.FailureReason;
import com.narvark.otp.delivery.CarrierAcceptance;
import com.narvark.otp.delivery.CarrierFailure;
import com.narvark.otp.delivery.CarrierRefusedException;
import com.narvark.otp.delivery.Messages;
import com.narvark.otp.delivery.OutboundMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The HTTP carriers against WireMock speaking their documented APIs on loopback. */
class HttpCarriersTest {

    @RegisterExtension
    static final WireMockExtension CARRIER = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    private static final CallbackSettings CALLBACKS = new CallbackSettings("https://otp.example.com");
    private static final String MESSAGES = "/2010-04-01/Accounts/AC123/Messages.json";
    private static final String CALLS = "/2010-04-01/Accounts/AC123/Calls.json";
    private static final String WHATSAPP = "/v21.0/1055/messages";

    private static TwilioSettings twilio() {
        return new TwilioSettings(CARRIER.baseUrl(), "AC123", "tok", "+15005550006");
    }

    private static WhatsAppSettings whatsApp() {
        return new WhatsAppSettings(CARRIER.baseUrl(), "v21.0", "1055", "EAAG", "en_US", "", "");
    }

    @Test
    void shouldCreateATwilioMessageWithCallbackAndIdempotencyTokenWhenSendingSms() throws Exception {
        CARRIER.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"sid\":\"SM42\",\"status\":\"queued\"}")));

        String sid = new TwilioSmsProvider(twilio(), CALLBACKS).send(Messages.message(Channel.SMS, "+447911123456", 1))
                .carrierMessageId();

        assertThat(sid).isEqualTo("SM42");
        CARRIER.verify(postRequestedFor(urlEqualTo(MESSAGES))
                .withHeader("Authorization", equalTo("Basic " + Base64.getEncoder().encodeToString(
                        "AC123:tok".getBytes())))
                .withHeader("I-Twilio-Idempotency-Token", equalTo("otp_0123456789abcdefghjkmnpqrs:1"))
                .withRequestBody(containing("To=%2B447911123456"))
                .withRequestBody(containing("Body=492817+is+your+Narvark+verification+code"))
                .withRequestBody(containing("StatusCallback=https%3A%2F%2Fotp.example.com%2Fcallbacks%2Ftwilio")));
    }

    /** Twilio splits and encodes the text itself: it gets the whole text as written, and the parts are counted. */
    @Test
    void shouldSendTheWholeTextAndCountItsPartsWhenTwilioSendsALongUnicodeSms() throws Exception {
        CARRIER.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"SM43\"}")));
        String text = "Ваш код 492817. " + "Никому его не сообщайте. ".repeat(3);
        OutboundMessage message = new OutboundMessage("otp_0123456789abcdefghjkmnpqrs", 0, 0, "acct", Channel.SMS,
                "+447911123456", "492817", text, "otp_verification", Instant.now().plusSeconds(300), Instant.now());

        CarrierAcceptance accepted = new TwilioSmsProvider(twilio(), CALLBACKS).send(message);

        assertThat(accepted.parts()).isEqualTo(2);
        assertThat(accepted.encoding()).isEqualTo("ucs2");
        CARRIER.verify(postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(containing("Body="
                + java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8))));
    }

    @Test
    void shouldCountOnePartWhenAWhatsAppTemplateIsSent() throws Exception {
        CARRIER.stubFor(post(WHATSAPP).willReturn(aResponse().withStatus(200)
                .withBody("{\"messages\":[{\"id\":\"wamid.P\"}]}")));
        CarrierAcceptance accepted = new WhatsAppCloudProvider(whatsApp())
                .send(Messages.message(Channel.WHATSAPP, "+447911123456", 0));
        assertThat(accepted.parts()).isEqualTo(1);
        assertThat(accepted.encoding()).isNull();
    }

    @Test
    void shouldRefuseWithTheTwilioErrorCodeWhenTwilioAnswers400() {
        CARRIER.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(400)
                .withBody("{\"code\":21211,\"message\":\"The 'To' number is not a valid phone number.\"}")));
        assertThatThrownBy(() -> new TwilioSmsProvider(twilio(), CALLBACKS).send(Messages.message(Channel.SMS, "+447911123456",
                0))).isInstanceOfSatisfying(CarrierRefusedException.class,
                        e -> assertThat(e.failure()).isEqualTo(new CarrierFailure(FailureReason.INVALID_DESTINATION,
                                "twilio:21211")));
    }

    @Test
    void shouldLeaveTheOutcomeUnknownWhenTheCarrierAnswers503() {
        CARRIER.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> new TwilioSmsProvider(twilio(), CALLBACKS).send(Messages.message(Channel.SMS, "+447911123456",
                0))).isInstanceOf(IOException.class);
    }

    @Test
    void shouldRefuseAtOnceWhenTheCarrierCannotBeReached() {
        TwilioSettings unreachable = new TwilioSettings("http://127.0.0.1:1", "AC123", "", "");
        assertThatThrownBy(() -> new TwilioSmsProvider(unreachable, CALLBACKS).send(Messages.message(Channel.SMS,
                "+447911123456", 0))).isInstanceOfSatisfying(CarrierRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo("carrier_unavailable"));
    }

    @Test
    void shouldPlaceACallReadingTheCodeDigitByDigitTwiceWhenSendingVoice() throws Exception {
        CARRIER.stubFor(post(CALLS).willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"CA7\"}")));

        String sid = new TwilioVoiceProvider(twilio(), CALLBACKS).send(Messages.message(Channel.VOICE, "+442071838750", 0))
                .carrierMessageId();

        assertThat(sid).isEqualTo("CA7");
        String twiml = "<Response><Say language=\"en-US\">Your Narvark verification code is 4 9 2 8 1 7. "
                + "Again, your code is 4 9 2 8 1 7.</Say><Pause length=\"1\"/></Response>";
        CARRIER.verify(postRequestedFor(urlEqualTo(CALLS))
                .withRequestBody(containing("Twiml=" + java.net.URLEncoder.encode(twiml,
                        java.nio.charset.StandardCharsets.UTF_8)))
                .withRequestBody(containing("StatusCallbackEvent=completed")));
    }

    @Test
    void shouldSendTheAuthenticationTemplateWithTheCodeInBodyAndButtonWhenSendingWhatsApp() throws Exception {
        CARRIER.stubFor(post(WHATSAPP).willReturn(aResponse().withStatus(200).withBody(
                "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"wa_id\":\"447911123456\"}],"
                        + "\"messages\":[{\"id\":\"wamid.HBgM\"}]}")));

        String id = new WhatsAppCloudProvider(whatsApp()).send(Messages.message(Channel.WHATSAPP, "+447911123456", 0))
                .carrierMessageId();

        assertThat(id).isEqualTo("wamid.HBgM");
        CARRIER.verify(postRequestedFor(urlEqualTo(WHATSAPP))
                .withHeader("Authorization", equalTo("Bearer EAAG"))
                .withRequestBody(equalToJson("""
                        {"messaging_product":"whatsapp","recipient_type":"individual","to":"447911123456",
                         "type":"template","biz_opaque_callback_data":"otp_0123456789abcdefghjkmnpqrs:0",
                         "template":{"name":"otp_verification","language":{"code":"en_US"},"components":[
                           {"type":"body","parameters":[{"type":"text","text":"492817"}]},
                           {"type":"button","sub_type":"url","index":"0",
                            "parameters":[{"type":"text","text":"492817"}]}]}}""")));
    }

    @Test
    void shouldRefuseWithTheMetaErrorCodeWhenTheTemplateIsRejected() {
        CARRIER.stubFor(post(WHATSAPP).willReturn(aResponse().withStatus(400).withBody(
                "{\"error\":{\"message\":\"(#132001) Template name does not exist\",\"code\":132001}}")));
        assertThatThrownBy(() -> new WhatsAppCloudProvider(whatsApp()).send(Messages.message(Channel.WHATSAPP,
                "+447911123456", 0))).isInstanceOfSatisfying(CarrierRefusedException.class,
                        e -> assertThat(e.failure()).isEqualTo(new CarrierFailure(FailureReason.CONTENT_REJECTED,
                                "whatsapp:132001")));
    }
}
