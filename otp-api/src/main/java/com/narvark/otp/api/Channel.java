package com.narvark.otp.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A delivery channel. The wire name is the lower-case name, as customers write it. */
public enum Channel {
    WHATSAPP(Destination.Kind.PHONE),
    SMS(Destination.Kind.PHONE),
    EMAIL(Destination.Kind.EMAIL),
    VOICE(Destination.Kind.PHONE);

    private final Destination.Kind destinationKind;

    Channel(Destination.Kind destinationKind) {
        this.destinationKind = destinationKind;
    }

    public boolean accepts(Destination destination) {
        return destination.kind() == destinationKind;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Channel> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(c -> c.wireName().equals(wireName)).findFirst();
    }
}
