package com.narvark.otp.delivery.smpp;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** {@code narvark.smpp.*}: the SMSC to bind to (SMPP 3.4, transceiver, so receipts arrive on the same session). */
@Component
class SmppSettings {

    private final Environment environment;

    SmppSettings(Environment environment) {
        this.environment = environment;
    }

    String host() {
        return environment.getProperty("narvark.smpp.host", "localhost");
    }

    int port() {
        return environment.getProperty("narvark.smpp.port", Integer.class, 2775);
    }

    String systemId() {
        return environment.getProperty("narvark.smpp.system-id", "");
    }

    String password() {
        return environment.getProperty("narvark.smpp.password", "");
    }

    String systemType() {
        return environment.getProperty("narvark.smpp.system-type", "");
    }

    /** The sender shown on the handset: a short code, a number or up to 11 letters. */
    String sourceAddress() {
        return environment.getProperty("narvark.smpp.source-address", "Narvark");
    }

    long responseTimeoutMillis() {
        return environment.getProperty("narvark.smpp.response-timeout-ms", Long.class, 10_000L);
    }
}
