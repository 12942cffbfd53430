package com.narvark.gateway.message;

import static com.narvark.gateway.message.MessageTexts.assertInvalid;
import static com.narvark.gateway.message.MessageTexts.mobile;
import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.GatewayIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Issue 16: messages name the account's brand and read in the destination's or the asked language. */
class BrandAndLocaleIT extends GatewayIntegrationTest {

    private MessageTexts messages;

    @BeforeEach
    void messages() {
        messages = new MessageTexts(api);
    }

    private Api.Response settings(String accountId, Map<String, Object> body) {
        return api.post("/v1/admin/accounts/" + accountId + "/message_settings", ADMIN_TOKEN, Api.json(body));
    }

    @Test
    void shouldNameTheDisplayNameWhenTheOperatorSetIt() {
        Keys keys = newAccount();
        Api.Response set = settings(keys.accountId(), Map.of("display_name", "Acme Shop"));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.text("display_name")).isEqualTo("Acme Shop");
        assertThat(set.text("default_locale")).isEqualTo("en");

        String otpId = messages.sent(keys.live(), Map.of("to", mobile("GB"), "channel", "sms"));

        String text = messages.text(keys.live(), otpId);
        assertThat(text).matches("[0-9]{6} is your Acme Shop verification code\\. It expires in 5 minutes\\. "
                + "Don't share it with anyone\\.");
        JsonNode status = messages.status(keys.live(), otpId);
        assertThat(status.path("brand").asString()).isEqualTo("Acme Shop");
        assertThat(status.path("locale").asString()).isEqualTo("en");
        assertThat(status.path("transaction").isNull()).isTrue();
    }

    @Test
    void shouldNameTheAccountWhenNoDisplayNameWasSet() {
        Keys keys = newAccount();
        assertThat(api.get("/v1/admin/accounts/" + keys.accountId() + "/message_settings", ADMIN_TOKEN)
                .text("display_name")).isEqualTo("IT account");
        String otpId = messages.sent(keys.live(), Map.of("to", mobile("GB"), "channel", "voice"));
        assertThat(messages.text(keys.live(), otpId)).startsWith("Your IT account verification code is ");
    }

    @Test
    void shouldNameTheSendsBrandWhenTheSendGivesOne() {
        Keys keys = newAccount();
        String otpId = messages.sent(keys.live(), Map.of("to", mobile("GB"), "channel", "sms",
                "brand", "Café Müller"));
        assertThat(messages.text(keys.live(), otpId)).contains(" is your Café Müller verification code.");
        assertThat(messages.status(keys.live(), otpId).path("brand").asString()).isEqualTo("Café Müller");
    }

    @Test
    void shouldRefuseABrandWhenItIsTooLongOrHoldsMarkup() {
        Keys keys = newAccount();
        for (String brand : new String[] {"A".repeat(31), "Acme {code}", "<b>Acme</b>", "Acme\nShop", " Acme", ""}) {
            assertInvalid(messages.send(keys.test(), Map.of("to", mobile("GB"), "channel", "sms", "brand", brand)),
                    "brand");
        }
        assertInvalid(settings(keys.accountId(), Map.of("display_name", "A".repeat(31))), "display_name");
        assertInvalid(settings(keys.accountId(), Map.of("default_locale", "es_ES")), "default_locale");
        assertThat(settings("acct_nobody", Map.of("display_name", "Acme")).status()).isEqualTo(404);
    }

    @Test
    void shouldWriteSpanishWhenTheNumberIsSpanish() {
        Keys keys = newAccount();
        settings(keys.accountId(), Map.of("display_name", "Acme Shop"));
        String otpId = messages.sent(keys.live(), Map.of("to", mobile("ES"), "channel", "sms"));
        assertThat(messages.text(keys.live(), otpId)).matches("[0-9]{6} es tu código de verificación de Acme Shop\\. "
                + "Caduca en 5 minutos\\. No lo compartas con nadie\\.");
        assertThat(messages.status(keys.live(), otpId).path("locale").asString()).isEqualTo("es");
    }

    @Test
    void shouldUseTheNearestWrittenLanguageWhenTheSendAsksForOne() {
        Keys keys = newAccount();
        Map<String, String> asked = Map.of("fr-CA", "fr", "pt", "pt-BR", "zh-TW", "zh-CN", "sv", "en", "ar-EG", "ar");
        asked.forEach((tag, used) -> {
            String otpId = messages.sent(keys.test(), Map.of("to", mobile("ES"), "channel", "sms", "locale", tag));
            assertThat(messages.status(keys.test(), otpId).path("locale").asString()).as(tag).isEqualTo(used);
        });
        String otpId = messages.sent(keys.live(), Map.of("to", mobile("GB"), "channel", "voice", "locale", "de-AT"));
        assertThat(messages.text(keys.live(), otpId)).startsWith("Ihr Bestätigungscode für IT account lautet ");
        assertInvalid(messages.send(keys.test(), Map.of("to", mobile("GB"), "channel", "sms", "locale", "es_ES")),
                "locale");
    }

    @Test
    void shouldUseTheAccountsDefaultLanguageWhenNeitherSendNorCountryDecides() {
        Keys keys = newAccount();
        assertThat(settings(keys.accountId(), Map.of("default_locale", "de")).text("default_locale")).isEqualTo("de");
        String email = messages.sent(keys.live(), Map.of("to", "jane.locale@example.com", "channel", "email"));
        assertThat(messages.text(keys.live(), email)).startsWith("Ihr Bestätigungscode für IT account lautet:");
        String swiss = messages.sent(keys.live(), Map.of("to", mobile("CH"), "channel", "sms"));
        assertThat(messages.status(keys.live(), swiss).path("locale").asString()).isEqualTo("de");
        String brazilian = messages.sent(keys.live(), Map.of("to", mobile("BR"), "channel", "sms"));
        assertThat(messages.text(keys.live(), brazilian)).contains(" é o seu código de verificação IT account.");
    }
}
