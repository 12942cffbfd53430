package com.narvark.portal;

import com.narvark.accounts.AccessRequest;
import com.narvark.accounts.Approvals;
import com.narvark.accounts.Approvals.Approved;
import com.narvark.accounts.KeyReveals;
import com.narvark.accounts.PortalSessions.PortalSession;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The operator's decisions: approve a request (the account, its keys behind a one-time link, the email), reject it
 * with a reason, enable an approved account's live key. Each needs an operator session and the form's CSRF token.
 */
@Controller
class OperatorDecisionsController {

    private final BrowserSessions sessions;
    private final PortalPages pages;
    private final Approvals approvals;
    private final PortalMailer mailer;
    private final PortalLinks links;

    OperatorDecisionsController(BrowserSessions sessions, PortalPages pages, Approvals approvals,
                                PortalMailer mailer, PortalLinks links) {
        this.sessions = sessions;
        this.pages = pages;
        this.approvals = approvals;
        this.mailer = mailer;
        this.links = links;
    }

    @PostMapping("/portal/operator/requests/{id}/approve")
    ResponseEntity<String> approve(HttpServletRequest request, @PathVariable String id,
                                   @RequestParam(name = "csrf", required = false) String csrf) {
        Optional<PortalSession> operator = sessions.current(request, "operator");
        if (operator.isEmpty() || !sessions.validCsrf(request, csrf)) {
            return pages.forbidden();
        }
        Optional<Approved> approved = approvals.approve(id, operator.get().actor());
        if (approved.isEmpty()) {
            return pages.notFound();
        }
        AccessRequest decided = approved.get().request();
        // The configured public URL, never the request's Host header (see PortalLinks).
        String base = links.base();
        String link = base + "/portal/welcome/" + approved.get().revealToken();
        boolean sent = mailer.send(decided.email(), "Your Narvark API keys", """
                Hello %s,

                your access to Narvark is approved. Your API keys are waiting behind this one-time link (valid for
                %d days; it shows the keys exactly once, so keep them somewhere safe when you open it):

                %s

                Your test key works right away. Your live key is enabled after a short review; we will let you know.
                Sign in to the console any time at %s/portal/sign-in with this email address.
                """.formatted(decided.name(), KeyReveals.LIFETIME.toDays(), link, base));
        return pages.page("Approved", "portal/operator :: approved", Map.of("notice", "Account "
                + approved.get().accountId() + " was created for " + decided.company() + "; " + (sent
                ? "the one-time key link was emailed to " + decided.email() + "."
                : "the email to " + decided.email() + " could not be sent (see the log).")));
    }

    @PostMapping("/portal/operator/requests/{id}/reject")
    ResponseEntity<String> reject(HttpServletRequest request, @PathVariable String id,
                                  @RequestParam(name = "csrf", required = false) String csrf,
                                  @RequestParam(name = "reason", required = false) String reason) {
        Optional<PortalSession> operator = sessions.current(request, "operator");
        if (operator.isEmpty() || !sessions.validCsrf(request, csrf)) {
            return pages.forbidden();
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 1000) {
            return pages.page(HttpStatus.BAD_REQUEST, "Reason needed", "portal/operator :: reason-needed", Map.of());
        }
        if (!approvals.reject(id, operator.get().actor(), why)) {
            return pages.notFound();
        }
        return PortalPages.redirect("/portal/operator");
    }

    @PostMapping("/portal/operator/keys/{keyId}/enable")
    ResponseEntity<String> enableLive(HttpServletRequest request, @PathVariable String keyId,
                                      @RequestParam(name = "csrf", required = false) String csrf) {
        Optional<PortalSession> operator = sessions.current(request, "operator");
        if (operator.isEmpty() || !sessions.validCsrf(request, csrf)) {
            return pages.forbidden();
        }
        return approvals.enableLive(keyId, operator.get().actor()) ? PortalPages.redirect("/portal/operator")
                : pages.notFound();
    }
}
