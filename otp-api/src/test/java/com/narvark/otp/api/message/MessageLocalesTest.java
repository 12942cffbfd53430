package com.narvark.otp.api.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class MessageLocalesTest {

    @Test
    void shouldKeepASupportedTagWhenRequestedExactly() {
        assertThat(nearest("pt-BR")).isEqualTo("pt-BR");
        assertThat(nearest("zh-CN")).isEqualTo("zh-CN");
        assertThat(nearest("id")).isEqualTo("id");
        assertThat(nearest("ar")).isEqualTo("ar");
    }

    @Test
    void shouldFallBackToTheLanguageWhenTheRegionIsNotWritten() {
        assertThat(nearest("fr-CA")).isEqualTo("fr");
        assertThat(nearest("es-419")).isEqualTo("es");
        assertThat(nearest("de-CH")).isEqualTo("de");
        assertThat(nearest("en-GB")).isEqualTo("en");
    }

    @Test
    void shouldUseTheOnlyVariantWhenTheLanguageHasOne() {
        assertThat(nearest("pt")).isEqualTo("pt-BR");
        assertThat(nearest("pt-PT")).isEqualTo("pt-BR");
        assertThat(nearest("zh")).isEqualTo("zh-CN");
        assertThat(nearest("zh-TW")).isEqualTo("zh-CN");
    }

    @Test
    void shouldFallBackToEnglishWhenTheLanguageIsNotWritten() {
        assertThat(nearest("sv")).isEqualTo("en");
        assertThat(nearest("he-IL")).isEqualTo("en");
    }

    @Test
    void shouldRefuseWhenTheTagIsNotBcp47() {
        assertThat(MessageLocales.parse("es_ES")).isEmpty();
        assertThat(MessageLocales.parse("")).isEmpty();
        assertThat(MessageLocales.parse("not a tag")).isEmpty();
        assertThat(MessageLocales.parse("es-ES")).contains(Locale.forLanguageTag("es-ES"));
    }

    @Test
    void shouldPickTheCountrysLanguageWhenOneIsClear() {
        assertThat(MessageLocales.forCountry("ES")).contains("es");
        assertThat(MessageLocales.forCountry("BR")).contains("pt-BR");
        assertThat(MessageLocales.forCountry("EG")).contains("ar");
        assertThat(MessageLocales.forCountry("CN")).contains("zh-CN");
        assertThat(MessageLocales.forCountry("CH")).isEmpty();
        assertThat(MessageLocales.forCountry(null)).isEmpty();
    }

    @Test
    void shouldMapEveryCountryOntoASupportedTagWhenMapped() {
        assertThat(CountryLanguages.BY_REGION.values()).allMatch(MessageLocales.SUPPORTED::contains);
    }

    private static String nearest(String tag) {
        return MessageLocales.nearestSupported(MessageLocales.parse(tag).orElseThrow());
    }
}
