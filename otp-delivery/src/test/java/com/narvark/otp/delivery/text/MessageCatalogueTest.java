package com.narvark.otp.delivery.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.otp.api.message.MessageLocales;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every language's own file, read as written (not through the bundle, whose English parent would hide a missing
 * text): valid UTF-8, every text present, and each placeholder exactly where, and as often as, it belongs.
 */
class MessageCatalogueTest {

    /** For each text: how many times each placeholder must appear; any other placeholder is an error. */
    private static final Map<String, Map<String, Integer>> PLACEHOLDERS = Map.ofEntries(
            Map.entry("sms", Map.of("code", 1, "brand", 1, "minutes", 1)),
            Map.entry("sms.transaction", Map.of("code", 1, "brand", 1, "minutes", 1, "amount", 1, "payee", 1)),
            Map.entry("whatsapp", Map.of("code", 1)),
            Map.entry("email.subject", Map.of("code", 1, "brand", 1)),
            Map.entry("email.intro", Map.of("brand", 1)),
            Map.entry("email.expires", Map.of("minutes", 1)),
            Map.entry("email.transaction", Map.of("amount", 1, "payee", 1)),
            Map.entry("email.ignore", Map.of()),
            Map.entry("voice", Map.of("code", 2, "brand", 1)),
            Map.entry("voice.transaction", Map.of("code", 2, "brand", 1, "amount", 1, "payee", 1)));
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");

    static Iterable<String> languages() {
        return MessageLocales.SUPPORTED;
    }

    @ParameterizedTest
    @MethodSource("languages")
    void shouldDefineEveryTextWithItsPlaceholdersWhenWritten(String tag) throws IOException {
        Properties texts = own(tag);
        for (Map.Entry<String, Map<String, Integer>> expected : PLACEHOLDERS.entrySet()) {
            String text = texts.getProperty(expected.getKey());
            assertThat(text).as(tag + " " + expected.getKey()).isNotBlank();
            assertThat(placeholders(text)).as(tag + " " + expected.getKey()).isEqualTo(expected.getValue());
            assertThat(text.replaceAll("\\{[a-z]+}", "")).as(tag + " " + expected.getKey())
                    .doesNotContain("{", "}");
        }
        assertThat(texts.getProperty("direction")).isIn("ltr", "rtl");
        assertThat(texts.getProperty("whatsapp.language")).matches("[a-z]{2}(_[A-Z]{2})?");
        assertThat(texts.getProperty("voice.language")).matches("[a-z]{2,3}-[A-Z]{2}");
    }

    @ParameterizedTest
    @MethodSource("languages")
    void shouldHaveAMinutesPhraseForEveryPluralCategoryWhenTheLanguageUsesIt(String tag) throws IOException {
        Properties texts = own(tag);
        String language = MessageLocales.toLocale(tag).getLanguage();
        TreeSet<String> categories = new TreeSet<>();
        IntStream.rangeClosed(1, 1440).forEach(n -> categories.add(PluralCategory.of(language, n)));
        categories.add("other");
        for (String category : categories) {
            String phrase = texts.getProperty("minutes." + category);
            assertThat(phrase).as(tag + " minutes." + category).isNotBlank();
            assertThat(placeholders(phrase).keySet()).as(tag + " minutes." + category).isSubsetOf("n");
        }
    }

    @ParameterizedTest
    @MethodSource("languages")
    void shouldBeValidUtf8WhenRead(String tag) throws IOException {
        try (InputStream in = file(tag)) {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(in.readAllBytes()));
        } catch (CharacterCodingException e) {
            throw new AssertionError(tag + " is not UTF-8", e);
        }
    }

    private static Map<String, Integer> placeholders(String text) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            counts.merge(matcher.group(1), 1, Integer::sum);
        }
        return counts;
    }

    private static Properties own(String tag) throws IOException {
        try (InputStream in = file(tag)) {
            Properties properties = new Properties();
            properties.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            return properties;
        }
    }

    private static InputStream file(String tag) {
        String suffix = tag.equals(MessageLocales.ENGLISH) ? "" : "_" + tag.replace('-', '_');
        InputStream in = MessageCatalogueTest.class.getResourceAsStream("/" + MessageBundle.BASE_NAME + suffix
                + ".properties");
        assertThat(in).as("messages for " + tag).isNotNull();
        return in;
    }
}
