package com.narvark.gateway.message;

import com.narvark.accounts.BrandNames;
import com.narvark.gateway.error.ApiException;
import java.util.Optional;

/** The API's side of {@link BrandNames}: a name a request gives, refused with {@code 400 invalid_request}. */
public final class BrandName {

    public static final int MAX_BRAND = BrandNames.MAX_BRAND;

    private BrandName() {
    }

    /** The validated name in NFC, or {@code 400 invalid_request} naming {@code param}. */
    public static String validate(String param, String raw, int maxLength) {
        return valid(raw, maxLength).orElseThrow(() -> ApiException.invalid(param, param + " must be 1 to "
                + maxLength + " letters, digits, single spaces and basic punctuation (. , ' & ! ? ( ) - + / : _)"));
    }

    /** The name in NFC when valid; a leading or trailing space is refused rather than trimmed silently. */
    public static Optional<String> valid(String raw, int maxLength) {
        return BrandNames.valid(raw, maxLength);
    }
}
