package com.narvark.gateway.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.narvark.gateway.error.ApiException;
import com.narvark.otp.api.message.OtpTransaction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The send fields that shape the message: brand, locale, autofill lines and the transaction. */
class MessageFieldsParserTest {

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", "+447911123456");
        body.put("channel", "sms");
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    private static void refused(Map<String, Object> body, String param) {
        assertThatThrownBy(() -> SendRequestParser.parse(body)).as(body.toString())
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.body().error().param()).isEqualTo(param);
                    assertThat(e.body().error().code()).isEqualTo("invalid_request");
                });
    }

    @Test
    void shouldKeepNoMessageFieldsWhenNoneAreGiven() {
        SendRequest request = SendRequestParser.parse(body());
        assertThat(request.message()).isEqualTo(new MessageRequestParser.MessageFields(null, null, null, null));
        assertThat(request.transaction()).isNull();
    }

    @Test
    void shouldTakeABrandInNfcWhenItIsLettersDigitsAndBasicPunctuation() {
        assertThat(SendRequestParser.parse(body("brand", "Cafe\u0301 & Co. (UK)")).message().brand())
                .isEqualTo("Café & Co. (UK)");
        assertThat(SendRequestParser.parse(body("brand", "مصرف الأمل")).message().brand()).isEqualTo("مصرف الأمل");
        for (String wrong : List.of("", " Acme", "Acme  Shop", "A".repeat(31), "Acme\tShop", "Acme {code}",
                "<b>", "Acme #1", "Acme@x", "Acme 💳")) {
            refused(body("brand", wrong), "brand");
        }
        refused(body("brand", 42), "brand");
    }

    @Test
    void shouldStoreTheNearestWrittenLanguageWhenALocaleIsGiven() {
        assertThat(SendRequestParser.parse(body("locale", "fr-CA")).message().locale()).isEqualTo("fr");
        assertThat(SendRequestParser.parse(body("locale", "pt")).message().locale()).isEqualTo("pt-BR");
        assertThat(SendRequestParser.parse(body("locale", "ko")).message().locale()).isEqualTo("en");
        refused(body("locale", "es_ES"), "locale");
        refused(body("locale", "english please"), "locale");
    }

    @Test
    void shouldAcceptAutofillWhenWellFormedOnSms() {
        assertThat(SendRequestParser.parse(body("app_hash", "FA+9qCX9VSu")).message().appHash())
                .isEqualTo("FA+9qCX9VSu");
        assertThat(SendRequestParser.parse(body("web_domain", "login.example.co.uk")).message().webDomain())
                .isEqualTo("login.example.co.uk");
        assertThat(MessageRequestParser.hostName("xn--bcher-kva.example")).isTrue();
        assertThat(MessageRequestParser.hostName("example.123")).isFalse();
        refused(body("channel", "voice", "app_hash", "FA+9qCX9VSu"), "app_hash");
    }

    @Test
    void shouldStoreTheAmountWithTheCurrencysMinorDigitsWhenATransactionIsGiven() {
        assertThat(SendRequestParser.parse(body("transaction", Map.of("amount", "42", "currency", "EUR",
                "payee", "ACME Shop"))).transaction()).isEqualTo(new OtpTransaction("42.00", "EUR", "ACME Shop"));
        assertThat(SendRequestParser.parse(body("transaction", Map.of("amount", "0.5", "currency", "KWD",
                "payee", "Souq"))).transaction().amount()).isEqualTo("0.500");
        refused(body("transaction", Map.of("amount", "1.5", "currency", "JPY", "payee", "Shop")),
                "transaction.amount");
        refused(body("transaction", Map.of("amount", "0", "currency", "EUR", "payee", "Shop")), "transaction.amount");
        refused(body("transaction", Map.of("amount", "-1", "currency", "EUR", "payee", "Shop")),
                "transaction.amount");
        refused(body("transaction", Map.of("amount", "1e3", "currency", "EUR", "payee", "Shop")),
                "transaction.amount");
        refused(body("transaction", Map.of("amount", "1", "currency", "eur", "payee", "Shop")),
                "transaction.currency");
        refused(body("transaction", Map.of("amount", "1", "currency", "XAU", "payee", "Shop")),
                "transaction.currency");
        refused(body("transaction", Map.of("amount", "1", "currency", "EUR")), "transaction.payee");
        refused(body("transaction", "42 EUR"), "transaction");
    }
}
