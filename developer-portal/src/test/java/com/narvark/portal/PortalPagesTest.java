package com.narvark.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.accounts.MessageSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The templates rendered by the engine the application uses, without the application: escaping and headers. */
class PortalPagesTest {

    private final PortalPages pages = new PortalPages(engine());

    private static SpringTemplateEngine engine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    @Test
    void shouldEscapeEveryValueAndTieErrorsToFieldsWhenTheAccessFormIsShownAgain() {
        AccessRequestForm form = AccessRequestForm.of("<script>alert(1)</script>", "Acme \"&\" Co", "x", "a lot",
                List.of("pigeon"), "short");
        ResponseEntity<String> page = pages.page(HttpStatus.BAD_REQUEST, "Request access",
                "portal/access :: request-form", Map.of("csrf", "token\"><b>", "form", form, "errors", form.errors(),
                        "volumes", List.of(new AccessRequestController.Option("under_10k", "Fewer than 10,000 OTPs")),
                        "channels", List.of(new AccessRequestController.Option("sms", "SMS"))));

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(page.getBody()).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "Acme &quot;&amp;&quot; Co",
                "name=\"csrf\" value=\"token&quot;&gt;&lt;b&gt;\"", "<label for=\"email\">",
                "aria-invalid=\"true\" aria-describedby=\"email-error\"", "<legend>Channels you want</legend>",
                "class=\"error-summary\" role=\"alert\"", "<title>Request access · Narvark</title>")
                .doesNotContain("<script>", "<b>", "th:");
    }

    @Test
    void shouldForbidScriptsFramingCachingAndReferrersWhenAnyPageIsAnswered() {
        for (ResponseEntity<String> page : List.of(pages.forbidden(), pages.notFound(),
                PortalPages.redirect("/portal/sign-in"))) {
            assertThat(page.getHeaders().getFirst("Content-Security-Policy"))
                    .isEqualTo(PortalPages.CONTENT_SECURITY_POLICY).contains("default-src 'none'");
            assertThat(page.getHeaders().getFirst("Cache-Control")).isEqualTo("no-store");
            assertThat(page.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(page.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
            assertThat(page.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        }
        assertThat(pages.forbidden().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(pages.forbidden().getBody()).contains("<h1>This form has expired</h1>", "role=\"alert\"");
        assertThat(PortalPages.redirect("/portal/sign-in").getHeaders().getLocation()).hasPath("/portal/sign-in");
    }

    @Test
    void shouldShowTheSecretOnceAndEscapedWhenAKeyIsCreated() {
        String body = pages.page("New test key", "portal/console-pages :: key-shown", Map.of("heading",
                "New test key", "keyId", "key_<1>", "secret", "nvk_test_sk_abc")).getBody();

        assertThat(body).contains("<h1>New test key</h1>", "class=\"notice\" role=\"status\"",
                "<code class=\"secret\" data-key-id=\"key_&lt;1&gt;\">nvk_test_sk_abc</code>");
    }

    @Test
    void shouldNameTheBrandAndSelectTheLocaleWhenTheConsoleShowsTheMessageSettings() {
        Map<String, Object> model = new HashMap<>(ConsoleMessages.model(
                new MessageSettings.Settings("Acme <Shop>", true, "es", true), Map.of(), null));
        model.put("csrf", "t");
        String body = pages.page("Console", "portal/console :: messages", model).getBody();

        assertThat(body).contains("<h2 id=\"messages\">Messages</h2>",
                "539839 is your Acme &lt;Shop&gt; verification code", "<option value=\"es\" selected",
                "Español (es)", "العربية (ar)", "maxlength=\"30\" required")
                .doesNotContain("<Shop>");
    }
}
