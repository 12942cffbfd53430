package com.narvark.otp.api.webhook;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A delivery is pending until a 2xx answer (succeeded) or until it is given up (failed). */
public enum WebhookDeliveryStatus {
    PENDING, SUCCEEDED, FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<WebhookDeliveryStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(status -> status.wireName().equals(name)).findFirst();
    }
}
