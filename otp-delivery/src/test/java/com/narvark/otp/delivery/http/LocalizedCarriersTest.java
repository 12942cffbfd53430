package com.narvark.otp.delivery.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.narvark.otp.api.Channel;
import com.narvark.otp.api.message.MessageOptions;
import com.narvark.otp.delivery.Messages;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The carriers that speak a language of their own: the WhatsApp template version and the call's voice. */
class LocalizedCarriersTest {

    @RegisterExtension
    static final WireMockExtension CARRIER = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    private static final String CALLS = "/2010-04-01/Accounts/AC123/Calls.json";
    private static final String WHATSAPP = "/v21.0/1055/messages";

    @Test
    void shouldAskForTheTemplateInTheOtpsLanguageWhenSendingWhatsApp() throws Exception {
        CARRIER.stubFor(post(WHATSAPP).willReturn(aResponse().withStatus(200)
                .withBody("{\"messages\":[{\"id\":\"wamid.1\"}]}")));

        new WhatsAppCloudProvider(new WhatsAppSettings(CARRIER.baseUrl(), "v21.0", "1055", "EAAG", "en_US", "", ""))
                .send(Messages.message(Channel.WHATSAPP, "+5511987654321", 0,
                        new MessageOptions("Acme Shop", "pt-BR", null, null)));

        CARRIER.verify(postRequestedFor(urlEqualTo(WHATSAPP))
                .withRequestBody(matchingJsonPath("$.template.language.code", equalTo("pt_BR"))));
    }

    @Test
    void shouldReadTheCodeInTheOtpsLanguageWhenCalling() throws Exception {
        CARRIER.stubFor(post(CALLS).willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"CA9\"}")));

        new TwilioVoiceProvider(new TwilioSettings(CARRIER.baseUrl(), "AC123", "tok", "+15005550006"),
                new CallbackSettings("https://otp.example.com"))
                .send(Messages.message(Channel.VOICE, "+34612345678", 0,
                        new MessageOptions("Acme Shop", "es", null, null)));

        String twiml = "<Response><Say language=\"es-ES\">Tu código de verificación de Acme Shop es 4 9 2 8 1 7. "
                + "Repito, tu código es 4 9 2 8 1 7.</Say><Pause length=\"1\"/></Response>";
        CARRIER.verify(postRequestedFor(urlEqualTo(CALLS))
                .withRequestBody(containing("Twiml=" + URLEncoder.encode(twiml, StandardCharsets.UTF_8))));
    }
}
