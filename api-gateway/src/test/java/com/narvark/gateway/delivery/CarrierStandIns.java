package com.narvark.gateway.delivery;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.narvark.otp.delivery.standin.TestSmsc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The carriers' stand-ins on loopback, each speaking its real protocol: an SMSC (SMPP 3.4), an SMTP server, and one
 * HTTP server answering as Twilio's and Meta's APIs. Started once per test JVM, like the application context.
 */
final class CarrierStandIns {

    static final String CALLBACK_BASE = "https://otp.example.com";
    static final TestSmsc SMSC;
    static final GreenMail SMTP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    static final WireMockServer HTTP = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        try {
            SMSC = new TestSmsc();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SMTP.start();
        HTTP.start();
    }

    private CarrierStandIns() {
    }

    static void configure(BiConsumer<String, Supplier<Object>> registry) {
        registry.accept("narvark.delivery.sms.provider", () -> "smpp");
        registry.accept("narvark.delivery.whatsapp.provider", () -> "whatsapp-cloud");
        registry.accept("narvark.delivery.voice.provider", () -> "twilio");
        registry.accept("narvark.delivery.email.provider", () -> "smtp");
        registry.accept("narvark.delivery.send-timeout", () -> "3s");
        registry.accept("narvark.delivery.whatsapp.receipt-timeout", () -> "2s");
        registry.accept("narvark.delivery.sms.receipt-timeout", () -> "2s");
        registry.accept("narvark.delivery.voice.receipt-timeout", () -> "2s");
        registry.accept("narvark.smpp.host", () -> "127.0.0.1");
        registry.accept("narvark.smpp.port", SMSC::port);
        registry.accept("narvark.smpp.system-id", () -> "narvark");
        registry.accept("narvark.smtp.host", () -> "127.0.0.1");
        registry.accept("narvark.smtp.port", () -> SMTP.getSmtp().getPort());
        registry.accept("narvark.smtp.starttls", () -> false);
        registry.accept("narvark.twilio.base-url", HTTP::baseUrl);
        registry.accept("narvark.twilio.account-sid", () -> "AC123");
        registry.accept("narvark.twilio.auth-token", () -> "twilio-token");
        registry.accept("narvark.twilio.from", () -> "+15005550006");
        registry.accept("narvark.whatsapp.base-url", HTTP::baseUrl);
        registry.accept("narvark.whatsapp.phone-number-id", () -> "1055");
        registry.accept("narvark.whatsapp.access-token", () -> "EAAG");
        registry.accept("narvark.whatsapp.app-secret", () -> "meta-app-secret");
        registry.accept("narvark.whatsapp.verify-token", () -> "meta-verify-token");
        registry.accept("narvark.callbacks.base-url", () -> CALLBACK_BASE);
        // A context of its own: the delivery processor must not share its tokens with the sandbox-wired suite.
        registry.accept("narvark.test.context", () -> "carriers");
    }
}
