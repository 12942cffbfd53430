package com.narvark.otp.api.message;

import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The languages messages are written in, and how any requested language maps onto one of them: the exact tag, else
 * the language's own entry (fr-CA → fr, pt → pt-BR, zh-TW → zh-CN), else English. Tags are BCP 47, as on the API.
 */
public final class MessageLocales {

    public static final String ENGLISH = "en";

    /** Each supported tag, in the order the documentation lists them. */
    public static final List<String> SUPPORTED = List.of("en", "es", "pt-BR", "fr", "de", "it", "nl", "tr", "ru",
            "ar", "hi", "id", "ja", "zh-CN");

    /** Languages written in one regional variant only: any other region of the language gets that variant. */
    private static final Map<String, String> ONLY_VARIANT = Map.of("pt", "pt-BR", "zh", "zh-CN");

    private MessageLocales() {
    }

    /** A well-formed BCP 47 tag as a locale, or empty ("es_ES" and "english" are not tags). */
    public static Optional<Locale> parse(String tag) {
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            return locale.getLanguage().isEmpty() ? Optional.empty() : Optional.of(locale);
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
    }

    /** The supported tag nearest to {@code requested}; English when the language is not written at all. */
    public static String nearestSupported(Locale requested) {
        String language = requested.getLanguage();
        String withRegion = requested.getCountry().isEmpty() ? language : language + "-" + requested.getCountry();
        if (SUPPORTED.contains(withRegion)) {
            return withRegion;
        }
        if (SUPPORTED.contains(language)) {
            return language;
        }
        return ONLY_VARIANT.getOrDefault(language, ENGLISH);
    }

    /** The supported tag for a phone number's ISO 3166 region, or empty where no single language is clear. */
    public static Optional<String> forCountry(String region) {
        return region == null ? Optional.empty() : Optional.ofNullable(CountryLanguages.BY_REGION.get(region));
    }

    /** The locale of a supported tag (null, from events stored before languages, reads as English). */
    public static Locale toLocale(String supportedTag) {
        return Locale.forLanguageTag(supportedTag == null ? ENGLISH : supportedTag);
    }

    /** True for languages written right to left. */
    public static boolean rightToLeft(String supportedTag) {
        return "ar".equals(supportedTag);
    }
}
