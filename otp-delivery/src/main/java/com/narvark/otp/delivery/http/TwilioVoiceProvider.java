package com.narvark.otp.delivery.http;

import com.narvark.otp.api.Channel;
import com.narvark.otp.delivery.CarrierAcceptance;
import com.narvark.otp.delivery.ChannelProvider;
import com.narvark.otp.delivery.OutboundMessage;
import com.narvark.otp.delivery.text.MessageBundle;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Voice calls through a Twilio-compatible Calls resource. The TwiML reads the voice text, which spells the code
 * digit by digit and repeats it, in the OTP's language; a completed call counts as delivered.
 */
@Component
class TwilioVoiceProvider implements ChannelProvider {

    private final TwilioSettings settings;
    private final CallbackSettings callbacks;

    TwilioVoiceProvider(TwilioSettings settings, CallbackSettings callbacks) {
        this.settings = settings;
        this.callbacks = callbacks;
    }

    @Override
    public String name() {
        return TwilioSmsProvider.NAME;
    }

    @Override
    public boolean supports(Channel channel) {
        return channel == Channel.VOICE;
    }

    @Override
    public CarrierAcceptance send(OutboundMessage message) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", message.to());
        form.put("From", settings.from());
        form.put("Twiml", twiml(message.text(),
                MessageBundle.of(message.message().localeOrDefault()).voiceLanguage()));
        form.put("StatusCallback", callbacks.twilioStatusCallback());
        form.put("StatusCallbackEvent", "completed");
        return CarrierAcceptance.accepted(TwilioSmsProvider.post(settings, "/Calls.json", form,
                message.reference()));
    }

    static String twiml(String text, String language) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return "<Response><Say language=\"" + language + "\">" + escaped + "</Say><Pause length=\"1\"/></Response>";
    }
}
