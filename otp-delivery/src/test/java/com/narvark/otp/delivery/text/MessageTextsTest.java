package com.narvark.otp.delivery.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.otp.api.Channel;
import com.narvark.otp.api.message.MessageLocales;
import com.narvark.otp.api.message.MessageOptions;
import com.narvark.otp.api.message.OtpTransaction;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every channel's text in every language, rendered: brand, code, minutes and transaction where they belong. */
class MessageTextsTest {

    private static final String CODE = "539839";
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    private static final OtpTransaction PAYMENT = new OtpTransaction("42.00", "EUR", "ACME Shop");

    static Iterable<String> languages() {
        return MessageLocales.SUPPORTED;
    }

    @ParameterizedTest
    @MethodSource("languages")
    void shouldNameCodeBrandAndMinutesWhenRenderedForAnyChannel(String tag) {
        MessageOptions options = new MessageOptions("Acme Shop", tag, null, null);
        String minutes = MessageBundle.of(tag).minutes(5);
        for (Channel channel : Channel.values()) {
            String text = MessageTexts.render(channel, CODE, FIVE_MINUTES, options, null);
            assertThat(text).as(tag + " " + channel).doesNotContain("{", "}", "null");
            String code = channel == Channel.VOICE ? "5 3 9 8 3 9" : CODE;
            assertThat(count(text, code)).as(tag + " " + channel + " code").isEqualTo(channel == Channel.VOICE ? 2 : 1);
            if (channel != Channel.WHATSAPP) {
                assertThat(count(text, "Acme Shop")).as(tag + " " + channel + " brand").isEqualTo(1);
            }
            if (channel == Channel.SMS || channel == Channel.EMAIL) {
                assertThat(text).as(tag + " " + channel + " minutes").contains(minutes);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("languages")
    void shouldShowAmountAndPayeeWhenTheCodeApprovesATransaction(String tag) {
        MessageOptions options = new MessageOptions("Acme Bank", tag, null, null);
        String amount = Amounts.format(PAYMENT, MessageLocales.toLocale(tag));
        for (Channel channel : new Channel[] {Channel.SMS, Channel.EMAIL, Channel.VOICE}) {
            String text = MessageTexts.render(channel, CODE, FIVE_MINUTES, options, PAYMENT);
            assertThat(text).as(tag + " " + channel).contains(amount, "ACME Shop", "Acme Bank")
                    .doesNotContain("{", "}");
        }
        EmailContent email = MessageTexts.email(CODE, FIVE_MINUTES, options, PAYMENT);
        assertThat(email.html()).contains(EmailTexts.escape(amount), "ACME Shop").doesNotContain("{", "}");
    }

    @ParameterizedTest
    @MethodSource("languages")
    void shouldMarkLanguageAndDirectionWhenTheEmailIsHtml(String tag) {
        EmailContent email = MessageTexts.email(CODE, FIVE_MINUTES, new MessageOptions("Acme & Co", tag, null, null),
                null);
        String dir = tag.equals("ar") ? "rtl" : "ltr";
        assertThat(email.html()).contains("<html lang=\"" + tag + "\" dir=\"" + dir + "\">", "Acme &amp; Co", CODE)
                .doesNotContain("Acme & Co", "{", "}");
        assertThat(email.subject()).contains(CODE, "Acme & Co");
        assertThat(email.text()).contains(CODE, "Acme & Co");
    }

    @Test
    void shouldReadExactlyAsDocumentedWhenEnglish() {
        MessageOptions acme = new MessageOptions("Acme Shop", "en", null, null);
        assertThat(MessageTexts.render(Channel.SMS, CODE, FIVE_MINUTES, acme, null)).isEqualTo(
                "539839 is your Acme Shop verification code. It expires in 5 minutes. Don't share it with anyone.");
        assertThat(MessageTexts.render(Channel.SMS, CODE, Duration.ofSeconds(45), acme, null))
                .contains("It expires in 1 minute.");
        assertThat(MessageTexts.render(Channel.VOICE, CODE, FIVE_MINUTES, acme, null)).isEqualTo(
                "Your Acme Shop verification code is 5 3 9 8 3 9. Again, your code is 5 3 9 8 3 9.");
        assertThat(MessageTexts.render(Channel.SMS, CODE, FIVE_MINUTES, acme, PAYMENT)).isEqualTo(
                "539839 is your Acme Shop code to approve €42.00 to ACME Shop. It expires in 5 minutes. "
                        + "Don't share it with anyone.");
    }

    @Test
    void shouldReadInSpanishWhenTheLocaleIsSpanish() {
        assertThat(MessageTexts.render(Channel.SMS, CODE, FIVE_MINUTES,
                new MessageOptions("Acme Shop", "es", null, null), null)).isEqualTo(
                "539839 es tu código de verificación de Acme Shop. Caduca en 5 minutos. No lo compartas con nadie.");
    }

    @Test
    void shouldEndWithTheAppHashOnItsOwnLineWhenAnAppHashIsGiven() {
        String text = MessageTexts.render(Channel.SMS, CODE, FIVE_MINUTES,
                new MessageOptions("Acme Shop", "en", "FA+9qCX9VSu", null), null);
        assertThat(text).isEqualTo("539839 is your Acme Shop verification code. It expires in 5 minutes. "
                + "Don't share it with anyone.\n\nFA+9qCX9VSu");
    }

    @Test
    void shouldEndWithTheDomainBoundLineWhenAWebDomainIsGiven() {
        String text = MessageTexts.render(Channel.SMS, CODE, FIVE_MINUTES,
                new MessageOptions("Acme Shop", "fr", null, "shop.example.com"), null);
        assertThat(text).isEqualTo("539839 est votre code de vérification Acme Shop. Il expire dans 5 minutes. "
                + "Ne le partagez avec personne.\n\n@shop.example.com #539839");
        assertThat(text.substring(text.lastIndexOf('\n') + 1)).isEqualTo("@shop.example.com #539839");
    }

    @Test
    void shouldAddNoAutofillLineWhenTheChannelIsNotSms() {
        MessageOptions autofill = new MessageOptions("Acme Shop", "en", null, "example.com");
        for (Channel channel : new Channel[] {Channel.WHATSAPP, Channel.EMAIL, Channel.VOICE}) {
            assertThat(MessageTexts.render(channel, CODE, FIVE_MINUTES, autofill, null)).doesNotContain("@example");
        }
    }

    @Test
    void shouldReadAsEnglishAndUnbrandedWhenTheOtpPredatesMessageOptions() {
        assertThat(MessageTexts.render(Channel.SMS, CODE, FIVE_MINUTES, null, null))
                .startsWith("539839 is your Narvark verification code.");
    }

    @Test
    void shouldDeclineMinutesLikeTheLanguageDoesWhenTheNumberChanges() {
        MessageBundle russian = MessageBundle.of("ru");
        assertThat(russian.minutes(1)).isEqualTo("1 минуту");
        assertThat(russian.minutes(3)).isEqualTo("3 минуты");
        assertThat(russian.minutes(5)).isEqualTo("5 минут");
        assertThat(russian.minutes(11)).isEqualTo("11 минут");
        assertThat(russian.minutes(21)).isEqualTo("21 минуту");
        MessageBundle arabic = MessageBundle.of("ar");
        assertThat(arabic.minutes(1)).isEqualTo("دقيقة واحدة");
        assertThat(arabic.minutes(2)).isEqualTo("دقيقتين");
        assertThat(arabic.minutes(5)).isEqualTo("5 دقائق");
        assertThat(arabic.minutes(15)).isEqualTo("15 دقيقة");
        assertThat(MessageBundle.of("fr").minutes(1)).isEqualTo("1 minute");
        assertThat(MessageBundle.of("tr").minutes(5)).isEqualTo("5 dakika");
    }

    @Test
    void shouldWriteMoneyAsTheLocaleDoesWhenFormatted() {
        assertThat(Amounts.format(PAYMENT, MessageLocales.toLocale("en"))).isEqualTo("€42.00");
        assertThat(Amounts.format(PAYMENT, MessageLocales.toLocale("de"))).isEqualTo("42,00 €");
        assertThat(Amounts.format(new OtpTransaction("1234.50", "BRL", "Loja"), MessageLocales.toLocale("pt-BR")))
                .isEqualTo("R$ 1.234,50");
        assertThat(Amounts.format(new OtpTransaction("4200", "JPY", "店"), MessageLocales.toLocale("ja")))
                .isEqualTo("￥4,200");
        assertThat(Amounts.format(PAYMENT, MessageLocales.toLocale("ar"))).contains("42.00").doesNotContain("٤");
    }

    @Test
    void shouldNameTheLanguageToCarriersWhenCallingOrTemplating() {
        assertThat(MessageBundle.of("pt-BR").whatsappLanguage()).isEqualTo("pt_BR");
        assertThat(MessageBundle.of("zh-CN").whatsappLanguage()).isEqualTo("zh_CN");
        assertThat(MessageBundle.of("es").voiceLanguage()).isEqualTo("es-ES");
        assertThat(MessageBundle.of("ar").rightToLeft()).isTrue();
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
