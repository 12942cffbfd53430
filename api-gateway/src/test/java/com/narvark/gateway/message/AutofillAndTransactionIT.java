package com.narvark.gateway.message;

import static com.narvark.gateway.message.MessageTexts.assertInvalid;
import static com.narvark.gateway.message.MessageTexts.mobile;
import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.GatewayIntegrationTest;
import com.narvark.gateway.support.MessageCodes;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Issue 16: SMS autofill lines, and codes bound to the payment they approve (PSD2 dynamic linking). */
class AutofillAndTransactionIT extends GatewayIntegrationTest {

    private static final Map<String, String> PAYMENT = Map.of("amount", "42.00", "currency", "EUR",
            "payee", "ACME Shop");
    private MessageTexts messages;

    @BeforeEach
    void messages() {
        messages = new MessageTexts(api);
    }

    private JsonNode verify(String key, String otpId, String code, Map<String, String> transaction) {
        Map<String, Object> body = transaction == null ? Map.of("id", otpId, "code", code)
                : Map.of("id", otpId, "code", code, "transaction", transaction);
        Api.Response answer = api.post("/v1/otp/verify", key, Api.json(body));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void shouldEndWithTheAppHashWhenAnAndroidAppAsks() {
        Keys keys = newAccount();
        String otpId = messages.sent(keys.live(), Map.of("to", mobile("GB"), "channel", "sms",
                "app_hash", "FA+9qCX9VSu"));
        String text = messages.text(keys.live(), otpId);
        assertThat(text).matches("(?s)[0-9]{6} is your IT account verification code\\. .*\n\nFA\\+9qCX9VSu");
    }

    @Test
    void shouldEndWithTheDomainBoundLineWhenAWebDomainIsGiven() {
        Keys keys = newAccount();
        String otpId = messages.sent(keys.live(), Map.of("to", mobile("GB"), "channel", "sms",
                "web_domain", "shop.example.com"));
        String text = messages.text(keys.live(), otpId);
        String code = MessageCodes.in(text);
        assertThat(text).endsWith("\n\n@shop.example.com #" + code);
    }

    @Test
    void shouldRefuseAutofillWhenMalformedCombinedOrNotSms() {
        Keys keys = newAccount();
        for (String hash : new String[] {"FA+9qCX9VS", "FA+9qCX9VSuu", "FA-9qCX9VSu"}) {
            assertInvalid(messages.send(keys.test(), Map.of("to", mobile("GB"), "channel", "sms", "app_hash", hash)),
                    "app_hash");
        }
        for (String domain : new String[] {"Example.com", "https://example.com", "example", "example.com/x",
                "-a.example.com", "127.0.0.1", "example.com:443"}) {
            assertInvalid(messages.send(keys.test(), Map.of("to", mobile("GB"), "channel", "sms",
                    "web_domain", domain)), "web_domain");
        }
        assertInvalid(messages.send(keys.test(), Map.of("to", mobile("GB"), "channel", "sms",
                "app_hash", "FA+9qCX9VSu", "web_domain", "example.com")), "web_domain");
        assertInvalid(messages.send(keys.test(), Map.of("to", "jane@example.com", "channel", "email",
                "web_domain", "example.com")), "web_domain");
        assertThat(messages.send(keys.test(), Map.of("to", mobile("GB"), "channel", "voice", "fallback", "sms",
                "app_hash", "FA+9qCX9VSu")).status()).isEqualTo(200);
    }

    @Test
    void shouldShowAmountAndPayeeInTheLocalesFormatWhenSentForATransaction() {
        Keys keys = newAccount();
        String otpId = messages.sent(keys.live(), Map.of("to", mobile("DE"), "channel", "sms",
                "brand", "Acme Bank", "transaction", PAYMENT));
        assertThat(messages.text(keys.live(), otpId)).matches("[0-9]{6} ist Ihr Code für Acme Bank zur Freigabe "
                + "der Zahlung von 42,00 € an ACME Shop\\. Er ist 5 Minuten gültig\\. Geben Sie ihn an niemanden "
                + "weiter\\.");
        JsonNode transaction = messages.status(keys.live(), otpId).path("transaction");
        assertThat(transaction.path("amount").asString()).isEqualTo("42.00");
        assertThat(transaction.path("currency").asString()).isEqualTo("EUR");
        assertThat(transaction.path("payee").asString()).isEqualTo("ACME Shop");
    }

    @Test
    void shouldVerifyOnlyWithTheSameTransactionWhenTheCodeIsBoundToOne() {
        Keys keys = newAccount();
        String otpId = messages.sent(keys.test(), Map.of("to", mobile("GB"), "channel", "sms",
                "transaction", Map.of("amount", "42", "currency", "EUR", "payee", "ACME Shop")));

        JsonNode without = verify(keys.test(), otpId, "123456", null);
        assertThat(without.path("valid").asBoolean()).isFalse();
        assertThat(without.path("reason").asString()).isEqualTo("transaction_mismatch");
        assertThat(without.path("attempts_remaining").asInt()).isEqualTo(4);
        JsonNode other = verify(keys.test(), otpId, "123456", Map.of("amount", "42.01", "currency", "EUR",
                "payee", "ACME Shop"));
        assertThat(other.path("reason").asString()).isEqualTo("transaction_mismatch");
        assertThat(other.path("attempts_remaining").asInt()).isEqualTo(3);

        JsonNode same = verify(keys.test(), otpId, "123456", PAYMENT);
        assertThat(same.path("valid").asBoolean()).isTrue();
        assertThat(same.path("reason").isNull()).isTrue();

        JsonNode history = api.get("/v1/otp/" + otpId + "/events", keys.test()).json();
        assertThat(history.toString()).contains("\"reason\":\"transaction_mismatch\"", "\"payee\":\"ACME Shop\"");
    }

    @Test
    void shouldRefuseATransactionWhenAnyPartIsInvalidOrWhatsAppWouldCarryIt() {
        Keys keys = newAccount();
        Map<String, Map<String, Object>> bad = Map.of(
                "transaction.amount", Map.of("amount", "42.001", "currency", "EUR", "payee", "ACME"),
                "transaction.currency", Map.of("amount", "42.00", "currency", "XYZ", "payee", "ACME"),
                "transaction.payee", Map.of("amount", "42.00", "currency", "EUR", "payee", "P".repeat(41)));
        bad.forEach((param, transaction) -> assertInvalid(messages.send(keys.test(), Map.of("to", mobile("GB"),
                "channel", "sms", "transaction", transaction)), param));
        assertInvalid(messages.send(keys.test(), Map.of("to", mobile("GB"), "channel", "sms", "transaction",
                Map.of("amount", 42, "currency", "EUR", "payee", "ACME"))), "transaction.amount");
        assertInvalid(messages.send(keys.test(), Map.of("to", mobile("GB"), "channel", "sms", "transaction",
                Map.of("amount", "100", "currency", "JPY", "payee", "ACME", "note", "x"))), "transaction.note");
        assertInvalid(messages.send(keys.test(), Map.of("to", mobile("GB"), "channel", "whatsapp", "fallback",
                "sms", "transaction", PAYMENT)), "transaction");
        assertThat(messages.send(keys.test(), Map.of("to", mobile("GB"), "channel", "sms", "transaction",
                Map.of("amount", "4200", "currency", "JPY", "payee", "ACME"))).status()).isEqualTo(200);
    }
}
