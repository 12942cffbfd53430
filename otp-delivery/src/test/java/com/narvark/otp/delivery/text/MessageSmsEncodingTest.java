package com.narvark.otp.delivery.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.message.MessageLocales;
import com.narvark.otp.api.message.MessageOptions;
import com.narvark.otp.api.message.OtpTransaction;
import com.narvark.otp.delivery.sms.SmsAlphabet;
import com.narvark.otp.delivery.sms.SmsText;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SMS each language renders, as the SMS encoder sends it: Latin texts without letters outside GSM 03.38 go in
 * one GSM-7 part with a 30-character brand; an accent outside it (Spanish {@code ó}, Portuguese {@code ã}, Turkish
 * {@code ğ}) or a non-Latin script makes the text UCS-2, two parts at most (Chinese fits one), three with a
 * transaction.
 */
class MessageSmsEncodingTest {

    private static final String BRAND = "Acme Shop International Ltd 30"; // 30 characters
    private static final OtpTransaction PAYMENT = new OtpTransaction("42.00", "EUR", "ACME Shop");
    private static final Set<String> GSM7 = Set.of("en", "fr", "de", "it", "nl", "id");

    static Iterable<String> languages() {
        return MessageLocales.SUPPORTED;
    }

    @ParameterizedTest
    @MethodSource("languages")
    void shouldFitItsAlphabetsPartsWhenTheSmsOfALanguageIsEncoded(String tag) {
        MessageOptions options = new MessageOptions(BRAND, tag, null, null);
        SmsText plain = SmsText.of(MessageTexts.render(Channel.SMS, "539839", Duration.ofMinutes(5), options, null));
        SmsText bound = SmsText.of(MessageTexts.render(Channel.SMS, "539839", Duration.ofMinutes(5), options,
                PAYMENT));

        SmsAlphabet expected = GSM7.contains(tag) ? SmsAlphabet.GSM7 : SmsAlphabet.UCS2;
        assertThat(plain.alphabet()).as(tag + ": " + plain.text()).isEqualTo(expected);
        assertThat(bound.alphabet()).as(tag + ": " + bound.text()).isEqualTo(expected);
        assertThat(plain.parts()).as(tag + ": " + plain.text()).isBetween(1, expected == SmsAlphabet.GSM7 ? 1 : 2);
        assertThat(bound.parts()).as(tag + ": " + bound.text()).isBetween(1, 3);
    }

    @Test
    void shouldSendTheSpanishAccentInUcs2WhenTheTextIsSpanish() {
        SmsText spanish = SmsText.of(MessageTexts.render(Channel.SMS, "539839", Duration.ofMinutes(5),
                new MessageOptions("Acme Shop", "es", null, null), null));

        assertThat(spanish.text()).isEqualTo(
                "539839 es tu código de verificación de Acme Shop. Caduca en 5 minutos. No lo compartas con nadie.");
        assertThat(spanish.alphabet()).isEqualTo(SmsAlphabet.UCS2);
        assertThat(spanish.pieces()).extracting(String::length).containsExactly(67, 30);
    }
}
