package com.narvark.portal;

import com.narvark.accounts.AuditTrail;
import com.narvark.accounts.MessageSettings;
import com.narvark.accounts.BrandNames;
import com.narvark.accounts.PortalSessions.PortalSession;
import com.narvark.otp.api.message.MessageLocales;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Saves the console's message settings; a refused display name shows the form again with its error. */
@Controller
class ConsoleMessagesController {

    private final BrowserSessions sessions;
    private final PortalPages pages;
    private final MessageSettings messages;
    private final AuditTrail audit;

    ConsoleMessagesController(BrowserSessions sessions, PortalPages pages, MessageSettings messages,
                              AuditTrail audit) {
        this.sessions = sessions;
        this.pages = pages;
        this.messages = messages;
        this.audit = audit;
    }

    @PostMapping("/portal/console/messages")
    ResponseEntity<String> save(HttpServletRequest request, HttpServletResponse response,
                                @RequestParam(name = "csrf", required = false) String csrf,
                                @RequestParam(name = "display_name", required = false) String displayName,
                                @RequestParam(name = "default_locale", required = false) String locale) {
        Optional<PortalSession> member = sessions.current(request, "member");
        if (member.isEmpty() || !sessions.validCsrf(request, csrf)) {
            return pages.forbidden();
        }
        String accountId = member.get().accountId();
        Optional<String> brand = BrandNames.valid(displayName == null ? null : displayName.strip(),
                BrandNames.MAX_BRAND);
        if (brand.isEmpty() || !MessageLocales.SUPPORTED.contains(locale)) {
            Map<String, String> errors = brand.isEmpty()
                    ? Map.of("display_name", "Enter 1 to 30 letters, digits, single spaces or . , ' & ! ? ( ) - + / "
                            + ": _")
                    : Map.of("default_locale", "Choose one of the listed languages");
            String token = sessions.csrfToken(sessions.browser(request, response));
            Map<String, Object> model = new HashMap<>(ConsoleMessages.model(messages.of(accountId).orElseThrow(),
                    errors, displayName));
            model.put("csrf", token);
            return pages.page(HttpStatus.BAD_REQUEST, "Message settings", "portal/console-pages :: messages-refused",
                    model);
        }
        messages.update(accountId, brand.get(), locale);
        audit.record(member.get().actor(), "message_settings_changed", accountId, brand.get() + ", " + locale);
        return PortalPages.redirect("/portal/console#messages");
    }
}
