package com.narvark.accounts;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A name a message gives: an account's display name, a send's {@code brand}, a transaction's payee. Letters of any
 * script, digits, single spaces and basic punctuation only: no line breaks, braces, markup or symbols that could
 * make a message read as something else (or break an autofill line). Here because an account's display name is
 * held to it; the gateway holds a send's brand and payee to the same rule.
 */
public final class BrandNames {

    public static final int MAX_BRAND = 30;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{M}\\p{Nd}.,'’&!?()\\-+/:_]+( [\\p{L}\\p{M}"
            + "\\p{Nd}.,'’&!?()\\-+/:_]+)*");

    private BrandNames() {
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
