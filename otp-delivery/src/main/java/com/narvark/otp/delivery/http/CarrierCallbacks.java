package com.narvark.otp.delivery.http;

import com.narvark.otp.api.command.CarrierCallbackResult;
import com.narvark.otp.api.command.HandleCarrierCallbackCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.springframework.stereotype.Component;

/** Routes a carrier callback, as the gateway received it, to the carrier that knows how to authenticate it. */
@Component
class CarrierCallbacks {

    private final TwilioCallbacks twilio;
    private final WhatsAppCallbacks whatsApp;

    CarrierCallbacks(TwilioCallbacks twilio, WhatsAppCallbacks whatsApp) {
        this.twilio = twilio;
        this.whatsApp = whatsApp;
    }

    @CommandHandler
    CarrierCallbackResult handle(HandleCarrierCallbackCommand callback) {
        return switch (callback.carrier()) {
            case "twilio" -> twilio.handle(callback);
            case "whatsapp" -> whatsApp.handle(callback);
            default -> new CarrierCallbackResult(404, "unknown carrier");
        };
    }
}
