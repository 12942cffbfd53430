package com.narvark.gateway.portal;

import com.narvark.accounts.AuditTrail;
import com.narvark.accounts.KeyReveals;
import com.narvark.accounts.KeyReveals.Revealed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The one-time link of a new account. Opening it shows a button, not the keys: mail scanners that fetch links
 * would otherwise burn it before the customer sees anything. Pressing the button (a POST) shows the keys once.
 */
@Controller
class KeyRevealController {

    private final BrowserSessions sessions;
    private final KeyReveals reveals;
    private final AuditTrail audit;

    KeyRevealController(BrowserSessions sessions, KeyReveals reveals, AuditTrail audit) {
        this.sessions = sessions;
        this.reveals = reveals;
        this.audit = audit;
    }

    @GetMapping("/portal/welcome/{token}")
    ResponseEntity<String> open(HttpServletRequest request, HttpServletResponse response,
                                @PathVariable String token) {
        String csrf = sessions.csrfToken(sessions.browser(request, response));
        if (!KeyReveals.isToken(token) || !reveals.usable(token)) {
            return gone();
        }
        return Html.page("Your API keys", "<h1>Welcome to Narvark</h1><p>Your API keys are ready. They are shown "
                + "<strong>once</strong>: after this page nobody, not even us, can show them again (they are stored "
                + "only as hashes). Have a password manager or secret store ready.</p>"
                + "<form method=\"post\" action=\"/portal/welcome/" + token + "\">" + Html.csrf(csrf)
                + "<button type=\"submit\">Show my API keys</button></form>");
    }

    @PostMapping("/portal/welcome/{token}")
    ResponseEntity<String> reveal(HttpServletRequest request, @PathVariable String token,
                                  @RequestParam(name = "csrf", required = false) String csrf) {
        if (!sessions.validCsrf(request, csrf)) {
            return PortalPages.forbidden();
        }
        Optional<Revealed> revealed = KeyReveals.isToken(token) ? reveals.reveal(token) : Optional.empty();
        if (revealed.isEmpty()) {
            return gone();
        }
        audit.record("customer", "keys_revealed", revealed.get().accountId(), null);
        StringBuilder keys = new StringBuilder("<dl class=\"keys\">");
        for (String secret : revealed.get().secrets()) {
            boolean live = secret.startsWith("nvk_live_");
            keys.append("<dt>").append(live ? "Live key (enabled after our review)" : "Test key").append("</dt><dd>")
                    .append("<code class=\"secret\" data-environment=\"").append(live ? "live" : "test").append("\">")
                    .append(Html.esc(secret)).append("</code></dd>");
        }
        keys.append("</dl>");
        return Html.page("Your API keys", "<h1>Your API keys</h1>" + Html.notice("Copy these keys now: this page "
                + "will not show them again.") + keys + "<h2>Try it</h2><pre>curl -X POST " + "/v1/otp/send \\\n"
                + "  -H \"Authorization: Bearer $NARVARK_KEY\" -H \"Content-Type: application/json\" \\\n"
                + "  -d '{\"to\":\"+15005550001\",\"channel\":\"sms\"}'</pre>"
                + "<p>Manage keys, webhooks and see usage in the <a href=\"/portal/sign-in\">console</a>.</p>");
    }

    private static ResponseEntity<String> gone() {
        return Html.page(HttpStatus.GONE, "Link used", "<h1>This link was already used</h1><p role=\"alert\">"
                + "One-time links show the keys once and then expire. If you did not save your keys, sign in to the "
                + "<a href=\"/portal/sign-in\">console</a> and create new ones.</p>");
    }
}
