package com.narvark.otp.delivery.smpp;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code narvark.smpp.*}: the SMSC to bind to (SMPP 3.4 transceiver, so receipts arrive on the same session).
 * {@code sourceAddress} is the sender shown on the handset: a short code, a number or up to 11 letters.
 * {@code longMessages} is how a text longer than one SMS travels: {@code udh} (default) as concatenated
 * {@code submit_sm} parts with a user data header, which every SMSC takes; {@code payload} as one {@code submit_sm}
 * with the whole text in the {@code message_payload} TLV, for SMSCs that split it themselves.
 */
@ConfigurationProperties("narvark.smpp")
record SmppSettings(@DefaultValue("localhost") String host, @DefaultValue("2775") int port,
                    @DefaultValue("") String systemId, @DefaultValue("") String password,
                    @DefaultValue("") String systemType, @DefaultValue("Narvark") String sourceAddress,
                    @DefaultValue("10000") long responseTimeoutMs, @DefaultValue("udh") String longMessages) {

    boolean usesMessagePayload() {
        return "payload".equalsIgnoreCase(longMessages);
    }
}
