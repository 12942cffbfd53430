package com.narvark.gateway.portal;

import com.narvark.accounts.MessageSettings;
import com.narvark.otp.api.message.MessageLocales;
import java.util.Locale;
import java.util.Map;

/** The console's message section: the brand every message gives and the language used when nothing else decides. */
final class ConsoleMessages {

    private ConsoleMessages() {
    }

    static String section(MessageSettings.Settings settings, String csrf, Map<String, String> errors,
                          String displayName) {
        StringBuilder options = new StringBuilder();
        for (String tag : MessageLocales.SUPPORTED) {
            options.append("<option value=\"").append(tag).append("\"")
                    .append(tag.equals(settings.defaultLocale()) ? " selected" : "").append(" lang=\"").append(tag)
                    .append("\">").append(Html.esc(nativeName(tag))).append(" (").append(tag).append(")</option>");
        }
        return "<h2 id=\"messages\">Messages</h2><p>Every code message names your brand, e.g. "
                + "<q>539839 is your " + Html.esc(settings.brand()) + " verification code</q>. A send may name "
                + "another with <code>brand</code>. The language follows the send's <code>locale</code>, else the "
                + "phone number's country, else the default below.</p>"
                + Html.errorSummary(errors)
                + "<form method=\"post\" action=\"/portal/console/messages\">" + Html.csrf(csrf)
                + Html.input("display_name", "Display name (up to 30 letters, digits, spaces and . , ' & ! ? ( ) - + "
                        + "/ : _)", "text", displayName == null ? settings.brand() : displayName, errors,
                        "maxlength=\"30\" required")
                + "<div class=\"field\"><label for=\"default_locale\">Default language</label>"
                + "<select id=\"default_locale\" name=\"default_locale\">" + options + "</select></div>"
                + "<button type=\"submit\">Save message settings</button></form>";
    }

    /** The language's name in itself (Español, Português (Brasil), العربية), as people look for their own. */
    static String nativeName(String tag) {
        Locale locale = MessageLocales.toLocale(tag);
        String name = locale.getDisplayName(locale);
        return name.isEmpty() ? tag : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }
}
