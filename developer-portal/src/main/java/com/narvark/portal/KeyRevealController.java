package com.narvark.portal;

import com.narvark.accounts.AuditTrail;
import com.narvark.accounts.KeyReveals;
import com.narvark.accounts.KeyReveals.Revealed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
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
    private final PortalPages pages;
    private final KeyReveals reveals;
    private final AuditTrail audit;

    KeyRevealController(BrowserSessions sessions, PortalPages pages, KeyReveals reveals, AuditTrail audit) {
        this.sessions = sessions;
        this.pages = pages;
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
        return pages.page("Your API keys", "portal/welcome :: open", Map.of("csrf", csrf, "token", token));
    }

    @PostMapping("/portal/welcome/{token}")
    ResponseEntity<String> reveal(HttpServletRequest request, @PathVariable String token,
                                  @RequestParam(name = "csrf", required = false) String csrf) {
        if (!sessions.validCsrf(request, csrf)) {
            return pages.forbidden();
        }
        Optional<Revealed> revealed = KeyReveals.isToken(token) ? reveals.reveal(token) : Optional.empty();
        if (revealed.isEmpty()) {
            return gone();
        }
        audit.record("customer", "keys_revealed", revealed.get().accountId(), null);
        List<Key> keys = revealed.get().secrets().stream()
                .map(secret -> new Key(secret.startsWith("nvk_live_"), secret)).toList();
        return pages.page("Your API keys", "portal/welcome :: revealed", Map.of("keys", keys));
    }

    /** A revealed key as the page lists it: test first, then live. */
    record Key(boolean live, String secret) {
    }

    private ResponseEntity<String> gone() {
        return pages.page(HttpStatus.GONE, "Link used", "portal/welcome :: gone", Map.of());
    }
}
