package com.narvark.gateway.webhooks;

import com.narvark.otp.api.RandomIds;
import java.util.regex.Pattern;

/** Shapes of the webhook identifiers: anything else cannot name an endpoint or a delivery. */
final class WebhookIds {

    private static final Pattern ENDPOINT = Pattern.compile("we_[" + RandomIds.ALPHABET + "]{26}");
    private static final Pattern DELIVERY = Pattern.compile("whd_[" + RandomIds.ALPHABET + "]{26}");

    private WebhookIds() {
    }

    static boolean isEndpointId(String candidate) {
        return candidate != null && ENDPOINT.matcher(candidate).matches();
    }

    static boolean isDeliveryId(String candidate) {
        return candidate != null && DELIVERY.matcher(candidate).matches();
    }
}
