package com.narvark.otp.api;

import java.util.Objects;

/**
 * Where a code goes: an E.164 phone number or an email address, already validated and normalised by the gateway.
 * Never used as an identifier, so it can be encrypted or erased later without rewriting history.
 */
public record Destination(Kind kind, String value) {

    public enum Kind { PHONE, EMAIL }

    public Destination {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }
}
