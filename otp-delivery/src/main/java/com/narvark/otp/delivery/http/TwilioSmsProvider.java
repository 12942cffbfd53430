package com.narvark.otp.delivery.http;

import com.narvark.otp.api.Channel;
import com.narvark.otp.delivery.CarrierAcceptance;
import com.narvark.otp.delivery.ChannelProvider;
import com.narvark.otp.delivery.OutboundMessage;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** SMS through a Twilio-compatible Messages resource, with a status callback for delivery receipts. */
@Component
class TwilioSmsProvider implements ChannelProvider {

    static final String NAME = "twilio";
    private final TwilioSettings settings;
    private final CallbackSettings callbacks;

    TwilioSmsProvider(TwilioSettings settings, CallbackSettings callbacks) {
        this.settings = settings;
        this.callbacks = callbacks;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean supports(Channel channel) {
        return channel == Channel.SMS;
    }

    @Override
    public CarrierAcceptance send(OutboundMessage message) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", message.to());
        form.put("From", settings.from());
        form.put("Body", message.text());
        form.put("StatusCallback", callbacks.twilioStatusCallback());
        // Twilio splits a long text itself, the way an SMSC would: the parts it bills are counted the same way here.
        return CarrierAcceptance.of(post(settings, "/Messages.json", form, message.reference()), message,
                CarrierAcceptance.Receipt.NONE);
    }

    /** POSTs to an account resource and returns the created resource's sid. */
    static String post(TwilioSettings settings, String resource, Map<String, String> form, String reference)
            throws IOException, InterruptedException {
        String credentials = Base64.getEncoder().encodeToString((settings.accountSid() + ":" + settings.authToken())
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(HttpCarrier.uri(settings.baseUrl(),
                        "/2010-04-01/Accounts/" + settings.accountSid() + resource))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/x-www-form-urlencoded")
                // Twilio drops a second request carrying the same token: a retried attempt is not sent twice.
                .header("I-Twilio-Idempotency-Token", reference)
                .POST(HttpRequest.BodyPublishers.ofString(HttpCarrier.form(form)));
        return HttpCarrier.exchange(request, "twilio",
                        error -> TwilioFailures.of(error.path("code").asText(""), "refused"))
                .path("sid").asText();
    }
}
