package com.narvark.otp.delivery.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** One case per script: which alphabet a text goes out in, and how many parts it takes. */
class SmsTextTest {

    @Test
    void shouldUseGsm7WhenLatinTextHasOnlyDefaultAlphabetCharacters() {
        SmsText sms = SmsText.of("Your code is 492817. It expires in 5 minutes.");
        assertThat(sms.alphabet()).isEqualTo(SmsAlphabet.GSM7);
        assertThat(sms.parts()).isEqualTo(1);
        assertThat(sms.encoded()).hasSize(45);
    }

    @Test
    void shouldMapThroughTheGsmTableNotAsciiWhenCharactersSitElsewhere() {
        // '@' is septet 0x00, '_' 0x11, '$' 0x02, '£' 0x01 in GSM 03.38; ASCII would send 0x40, 0x5F, 0x24.
        assertThat(SmsText.of("@_$£").encoded()).containsExactly(0x00, 0x11, 0x02, 0x01);
    }

    @Test
    void shouldCountExtensionCharactersAsTwoSeptetsWhenLatinTextHasThem() {
        SmsText sms = SmsText.of("{}[]~|^\\€");
        assertThat(sms.alphabet()).isEqualTo(SmsAlphabet.GSM7);
        assertThat(sms.encoded()).hasSize(18).startsWith(0x1B, 0x28, 0x1B, 0x29).endsWith(0x1B, 0x65);
        assertThat(SmsText.of("€".repeat(80)).parts()).isEqualTo(1);
        assertThat(SmsText.of("€".repeat(80) + "a").parts()).isEqualTo(2);
    }

    @Test
    void shouldNeverSplitAnEscapeSequenceWhenCuttingGsm7Parts() {
        SmsText sms = SmsText.of("a".repeat(152) + "€" + "b".repeat(20));
        assertThat(sms.pieces()).containsExactly("a".repeat(152), "€" + "b".repeat(20));
        assertThat(sms.encodedPieces().get(0)).hasSize(152);
    }

    @Test
    void shouldCutGsm7IntoPartsOf153WhenLongerThan160Septets() {
        assertThat(SmsText.of("a".repeat(160)).parts()).isEqualTo(1);
        SmsText sms = SmsText.of("a".repeat(161));
        assertThat(sms.pieces()).extracting(String::length).containsExactly(153, 8);
        assertThat(SmsText.of("a".repeat(306)).parts()).isEqualTo(2);
        assertThat(SmsText.of("a".repeat(307)).parts()).isEqualTo(3);
    }

    @Test
    void shouldStayGsm7WhenAccentsAreInTheAlphabetButSwitchToUcs2ForCedilla() {
        assertThat(SmsText.of("Votre code é è à ù Ç: 492817").alphabet()).isEqualTo(SmsAlphabet.GSM7);
        // Only the capital Ç is in GSM 03.38; a lower-case ç needs UCS-2 for the whole message.
        SmsText cedilla = SmsText.of("Votre code, reçu: 492817");
        assertThat(cedilla.alphabet()).isEqualTo(SmsAlphabet.UCS2);
        assertThat(cedilla.encoded()).hasSize(cedilla.text().length() * 2);
    }

    @Test
    void shouldUseUcs2AndCutAt67WhenTextIsCyrillic() {
        SmsText sms = SmsText.of("Ваш код подтверждения: 492817");
        assertThat(sms.alphabet()).isEqualTo(SmsAlphabet.UCS2);
        assertThat(sms.parts()).isEqualTo(1);
        assertThat(sms.encoded()).startsWith(0x04, 0x12).hasSize(58);
        assertThat(SmsText.of("Д".repeat(70)).parts()).isEqualTo(1);
        assertThat(SmsText.of("Д".repeat(71)).pieces()).extracting(String::length).containsExactly(67, 4);
    }

    @Test
    void shouldUseUcs2WhenTextIsArabic() {
        SmsText sms = SmsText.of("رمز التحقق الخاص بك هو 492817");
        assertThat(sms.alphabet()).isEqualTo(SmsAlphabet.UCS2);
        assertThat(new String(sms.encoded(), StandardCharsets.UTF_16BE)).isEqualTo(sms.text());
        assertThat(sms.parts()).isEqualTo(1);
    }

    @Test
    void shouldKeepDevanagariVowelSignsWithTheirLettersWhenCuttingHindi() {
        String hindi = "आपका सत्यापन कोड 492817 है। इसे किसी के साथ साझा न करें। यह पाँच मिनट में समाप्त हो जाएगा।";
        SmsText sms = SmsText.of(hindi);
        assertThat(sms.alphabet()).isEqualTo(SmsAlphabet.UCS2);
        assertThat(sms.parts()).isEqualTo(2);
        assertThat(String.join("", sms.pieces())).isEqualTo(hindi);
        for (String piece : sms.pieces()) {
            assertThat(piece.length()).isLessThanOrEqualTo(67);
            int type = Character.getType(piece.codePointAt(0));
            assertThat(type).isNotIn((int) Character.NON_SPACING_MARK, (int) Character.COMBINING_SPACING_MARK);
        }
    }

    @Test
    void shouldUseUcs2WhenTextIsCjk() {
        assertThat(SmsText.of("您的验证码是492817，五分钟内有效。").alphabet()).isEqualTo(SmsAlphabet.UCS2);
        assertThat(SmsText.of("验".repeat(100)).pieces()).extracting(String::length).containsExactly(67, 33);
    }

    @Test
    void shouldCountEmojiAsTwoUnitsAndNeverSplitASurrogatePair() {
        SmsText emoji = SmsText.of("🔐 492817");
        assertThat(emoji.alphabet()).isEqualTo(SmsAlphabet.UCS2);
        assertThat(emoji.encoded()).hasSize(18);
        assertThat(SmsText.of("😀".repeat(35)).parts()).isEqualTo(1);
        assertThat(SmsText.of("😀".repeat(36)).parts()).isEqualTo(2);
        // The 67th unit would be the high half of the emoji: the part ends one unit early instead.
        SmsText cut = SmsText.of("a".repeat(66) + "😀" + "b".repeat(10));
        assertThat(cut.pieces()).containsExactly("a".repeat(66), "😀" + "b".repeat(10));
    }
}
