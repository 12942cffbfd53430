package com.narvark.gateway.message;

import com.narvark.gateway.error.ApiException;
import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A name a message gives: an account's display name, a send's {@code brand}, a transaction's payee. Letters of any
 * script, digits, single spaces and basic punctuation only: no line breaks, braces, markup or symbols that could
 * make a message read as something else (or break an autofill line).
 */
public final class BrandName {

    public static final int MAX_BRAND = 30;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{M}\\p{Nd}.,'’&!?()\\-+/:_]+( [\\p{L}\\p{M}"
            + "\\p{Nd}.,'’&!?()\\-+/:_]+)*");

    private BrandName() {
    }

    /** The validated name in NFC, or {@code 400 invalid_request} naming {@code param}. */
    public static String validate(String param, String raw, int maxLength) {
        return valid(raw, maxLength).orElseThrow(() -> ApiException.invalid(param, param + " must be 1 to "
                + maxLength + " letters, digits, single spaces and basic punctuation (. , ' & ! ? ( ) - + / : _)"));
    }

    /** The name in NFC when valid; a leading or trailing space is refused rather than trimmed silently. */
    public static Optional<String> valid(String raw, int maxLength) {
        if (raw == null) {
            return Optional.empty();
        }
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
        int length = name.codePointCount(0, name.length());
        return length >= 1 && length <= maxLength && ALLOWED.matcher(name).matches()
                ? Optional.of(name) : Optional.empty();
    }
}
