package com.narvark.gateway.message;

import com.narvark.gateway.error.ApiException;
import com.narvark.otp.api.message.MessageLocales;

/** Reads a {@code locale} parameter: any well-formed BCP 47 tag, mapped onto the nearest written language. */
public final class LocaleTags {

    private LocaleTags() {
    }

    /** The supported tag nearest to {@code raw}, or {@code 400 invalid_request} naming {@code param}. */
    public static String nearestSupported(String param, String raw) {
        return MessageLocales.parse(raw).map(MessageLocales::nearestSupported)
                .orElseThrow(() -> ApiException.invalid(param, param
                        + " must be a BCP 47 language tag, e.g. es, pt-BR or fr-CA"));
    }
}
