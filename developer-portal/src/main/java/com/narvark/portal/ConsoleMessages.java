package com.narvark.portal;

import com.narvark.accounts.MessageSettings;
import com.narvark.otp.api.message.MessageLocales;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The console's message section (portal/console :: messages): the brand every message gives and the language. */
final class ConsoleMessages {

    static final String DISPLAY_NAME_LABEL =
            "Display name (up to 30 letters, digits, spaces and . , ' & ! ? ( ) - + / : _)";

    private ConsoleMessages() {
    }

    record LocaleOption(String tag, String name, boolean selected) {
    }

    /** {@code displayName}: what the form shows, the refused value after a refusal (null: the brand in force). */
    static Map<String, Object> model(MessageSettings.Settings settings, Map<String, String> errors,
                                     String displayName) {
        List<LocaleOption> locales = MessageLocales.SUPPORTED.stream()
                .map(tag -> new LocaleOption(tag, nativeName(tag), tag.equals(settings.defaultLocale()))).toList();
        return Map.of("brand", settings.brand(), "displayName", displayName == null ? settings.brand() : displayName,
                "displayNameLabel", DISPLAY_NAME_LABEL, "messageErrors", errors, "locales", locales);
    }

    /** The language's name in itself (Español, Português (Brasil), العربية), as people look for their own. */
    static String nativeName(String tag) {
        Locale locale = MessageLocales.toLocale(tag);
        String name = locale.getDisplayName(locale);
        return name.isEmpty() ? tag : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }
}
