package com.narvark.otp.delivery.text;

import com.narvark.otp.api.message.MessageLocales;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One language's texts, from {@code messages/otp_<tag>.properties} (UTF-8; English is the base file). The JVM's
 * default locale never takes part in the lookup: a server started in German still writes English by default.
 */
public final class MessageBundle {

    static final String BASE_NAME = "messages/otp";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final Map<String, MessageBundle> CACHE = new ConcurrentHashMap<>();

    private final String tag;
    private final Locale locale;
    private final ResourceBundle bundle;

    private MessageBundle(String tag) {
        this.tag = tag;
        this.locale = MessageLocales.toLocale(tag);
        this.bundle = ResourceBundle.getBundle(BASE_NAME, locale, MessageBundle.class.getClassLoader(), NO_FALLBACK);
    }

    /** @param supportedTag one of {@link MessageLocales#SUPPORTED}, or null (stored before languages): English */
    public static MessageBundle of(String supportedTag) {
        String tag = supportedTag == null ? MessageLocales.ENGLISH : supportedTag;
        return CACHE.computeIfAbsent(tag, MessageBundle::new);
    }

    public String tag() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }

    public boolean rightToLeft() {
        return "rtl".equals(bundle.getString("direction"));
    }

    /** The language code of the WhatsApp template version to send (Meta's codes: en_US, pt_BR, zh_CN…). */
    public String whatsappLanguage() {
        return bundle.getString("whatsapp.language");
    }

    /** The text-to-speech language the voice call reads in. */
    public String voiceLanguage() {
        return bundle.getString("voice.language");
    }

    /** "5 minutes", "1 минуту", "دقيقتين": the number of minutes in the form the language gives that number. */
    String minutes(long n) {
        String category = PluralCategory.of(locale.getLanguage(), n);
        String phrase;
        try {
            phrase = bundle.getString("minutes." + category);
        } catch (MissingResourceException notDistinguished) {
            phrase = bundle.getString("minutes.other");
        }
        return phrase.replace("{n}", Long.toString(n));
    }

    /** The text under {@code key}, every placeholder replaced in one pass: a value is never read as a template. */
    String fill(String key, Map<String, String> values) {
        return substitute(tag + " " + key, bundle.getString(key), values);
    }

    static String substitute(String name, String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException(name + " names {" + matcher.group(1) + "}, not given");
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(filled).toString();
    }
}
