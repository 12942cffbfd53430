package com.narvark.otp.delivery.http;

import com.narvark.otp.api.Channel;
import com.narvark.otp.delivery.CarrierAcceptance;
import com.narvark.otp.delivery.ChannelProvider;
import com.narvark.otp.api.message.MessageLocales;
import com.narvark.otp.delivery.OutboundMessage;
import com.narvark.otp.delivery.text.MessageBundle;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * WhatsApp through Meta's Cloud API: an authentication template whose body carries the code and whose copy-code
 * button carries it again. Statuses (sent, delivered, read, failed) arrive on the webhook. The Cloud API has no
 * idempotency key, so a retried attempt can reach the handset twice (once at most: see DeliveryProcess).
 */
@Component
class WhatsAppCloudProvider implements ChannelProvider {

    static final String NAME = "whatsapp-cloud";
    private final WhatsAppSettings settings;

    WhatsAppCloudProvider(WhatsAppSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean supports(Channel channel) {
        return channel == Channel.WHATSAPP;
    }

    @Override
    public CarrierAcceptance send(OutboundMessage message) throws IOException, InterruptedException {
        Map<String, Object> codeParameter = Map.of("type", "text", "text", message.code());
        Map<String, Object> body = Map.of(
                "messaging_product", "whatsapp",
                "recipient_type", "individual",
                "to", message.to().substring(1),
                "type", "template",
                "biz_opaque_callback_data", message.reference(),
                "template", Map.of(
                        "name", message.template(),
                        "language", Map.of("code", templateLanguage(message)),
                        "components", List.of(
                                Map.of("type", "body", "parameters", List.of(codeParameter)),
                                Map.of("type", "button", "sub_type", "url", "index", "0",
                                        "parameters", List.of(codeParameter)))));
        HttpRequest.Builder request = HttpRequest.newBuilder(HttpCarrier.uri(settings.baseUrl(),
                        "/" + settings.apiVersion() + "/" + settings.phoneNumberId() + "/messages"))
                .header("Authorization", "Bearer " + settings.accessToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(HttpCarrier.json(body)));
        String id = HttpCarrier.exchange(request, "whatsapp",
                        error -> WhatsAppFailures.of(error.path("error").path("code").asText("")))
                .path("messages").path(0).path("id").asText();
        return CarrierAcceptance.accepted(id);
    }

    /**
     * The template version in the OTP's language (Meta keeps one per language under the same name). English keeps
     * the configured code, as before languages: an account may have approved its template as en or en_GB.
     */
    private String templateLanguage(OutboundMessage message) {
        String locale = message.message().localeOrDefault();
        return MessageLocales.ENGLISH.equals(locale) ? settings.templateLanguage()
                : MessageBundle.of(locale).whatsappLanguage();
    }
}
