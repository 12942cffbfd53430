package com.narvark.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Api;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 16: a member sets the brand and default language of the account's messages in the console. */
class ConsoleMessagesIT extends PortalIntegrationTest {

    @Test
    void shouldSaveBrandAndLanguageWhenAMemberSubmitsTheForm() {
        String email = PortalFlows.newEmail();
        Browser member = flows.member(email);
        Browser.Page console = member.get("/portal/console");
        assertThat(console.body()).contains("<h2 id=\"messages\">Messages</h2>", "Español (es)",
                "العربية (ar)", "Português (Brasil) (pt-BR)");

        Browser.Page refused = member.post("/portal/console/messages", Map.of("csrf", console.csrf(),
                "display_name", "Acme <script>", "default_locale", "es"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("error-summary", "Acme &lt;script&gt;").doesNotContain("<script>");

        Browser.Page saved = member.post("/portal/console/messages", Map.of("csrf", console.csrf(),
                "display_name", "Acme Shop", "default_locale", "es"));
        assertThat(saved.status()).isEqualTo(303);
        String accountId = flows.accountOf(email);
        Api.Response settings = api.get("/v1/admin/accounts/" + accountId + "/message_settings", ADMIN_TOKEN);
        assertThat(settings.text("display_name")).isEqualTo("Acme Shop");
        assertThat(settings.text("default_locale")).isEqualTo("es");
        assertThat(member.get("/portal/console").body()).contains("539839 is your Acme Shop verification code",
                "<option value=\"es\" selected");
        assertThat(member.post("/portal/console/messages", Map.of("csrf", "forged", "display_name", "Mallory",
                "default_locale", "en")).status()).isEqualTo(403);
    }
}
