package com.narvark.gateway.portal;

import com.narvark.accounts.AuditTrail;
import com.narvark.gateway.auth.CredentialThrottle;
import com.narvark.accounts.AccessRequest;
import com.narvark.accounts.AccessRequests;
import com.narvark.accounts.Approvals;
import com.narvark.accounts.Approvals.Approved;
import com.narvark.accounts.KeyReveals;
import com.narvark.accounts.PortalSessions.PortalSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The operator's view: pending access requests, approve or reject, enable live keys, the audit trail. Signing in
 * takes the operator token ({@code narvark.admin.token}, the admin API's credential) and the operator's name, which
 * the audit trail records with every decision.
 */
@Controller
class OperatorController {

    private static final Duration SESSION = Duration.ofHours(2);
    static final String SIGN_IN_SURFACE = "operator-sign-in";

    private final BrowserSessions sessions;
    private final AccessRequests requests;
    private final Approvals approvals;
    private final PortalMailer mailer;
    private final AuditTrail audit;
    private final SandboxMail sandboxMail;
    private final CredentialThrottle throttle;
    private final byte[] adminToken;
    private final PortalLinks links;

    OperatorController(BrowserSessions sessions, AccessRequests requests, Approvals approvals, PortalMailer mailer,
                       AuditTrail audit, SandboxMail sandboxMail, CredentialThrottle throttle,
                       @Value("${narvark.admin.token:}") String adminToken, PortalLinks links) {
        this.sessions = sessions;
        this.requests = requests;
        this.approvals = approvals;
        this.mailer = mailer;
        this.audit = audit;
        this.sandboxMail = sandboxMail;
        this.throttle = throttle;
        this.adminToken = adminToken.getBytes(StandardCharsets.UTF_8);
        this.links = links;
    }

    @GetMapping("/portal/operator")
    ResponseEntity<String> view(HttpServletRequest request, HttpServletResponse response) {
        String csrf = sessions.csrfToken(sessions.browser(request, response));
        Optional<PortalSession> operator = sessions.current(request, "operator");
        if (operator.isEmpty()) {
            return signInForm(csrf, Map.of(), HttpStatus.OK);
        }
        return Html.page("Operator", "<h1>Access requests</h1><p>Signed in as " + Html.esc(operator.get().actor())
                + ".</p>" + pending(csrf) + inactiveLiveKeys(csrf) + auditTrail() + sandboxOutbox()
                + "<form method=\"post\" action=\"/portal/sign-out\">" + Html.csrf(csrf)
                + "<button type=\"submit\">Sign out</button></form>");
    }

    @PostMapping("/portal/operator/sign-in")
    ResponseEntity<String> signIn(HttpServletRequest request, HttpServletResponse response,
                                  @RequestParam(name = "csrf", required = false) String csrf,
                                  @RequestParam(name = "operator", required = false) String name,
                                  @RequestParam(name = "token", required = false) String token) {
        if (!sessions.validCsrf(request, csrf)) {
            return PortalPages.forbidden();
        }
        String operator = name == null ? "" : name.strip();
        byte[] presented = (token == null ? "" : token.strip()).getBytes(StandardCharsets.UTF_8);
        if (operator.isEmpty() || operator.length() > 100) {
            return signInForm(csrf, Map.of("operator", "Enter your name (at most 100 characters)"),
                    HttpStatus.BAD_REQUEST);
        }
        OptionalLong wait = throttle.refusal(SIGN_IN_SURFACE, request);
        if (wait.isPresent()) {
            ResponseEntity<String> refused = signInForm(csrf, Map.of("token", "Too many failed sign-ins from here; "
                    + "try again in " + wait.getAsLong() + " seconds"), HttpStatus.TOO_MANY_REQUESTS);
            return ResponseEntity.status(refused.getStatusCode()).headers(refused.getHeaders())
                    .header("Retry-After", Long.toString(wait.getAsLong())).body(refused.getBody());
        }
        if (adminToken.length == 0 || !MessageDigest.isEqual(presented, adminToken)) {
            // Counted, not audited: a guesser's chosen names must not push real entries out of the trail.
            throttle.failed(SIGN_IN_SURFACE, request);
            return signInForm(csrf, Map.of("token", "That operator token is not right"), HttpStatus.UNAUTHORIZED);
        }
        sessions.start(request, response, new PortalSession("operator", operator, null, null), SESSION);
        audit.record(operator, "operator_signed_in", "operator", null);
        return Html.redirect("/portal/operator");
    }

    @PostMapping("/portal/operator/requests/{id}/approve")
    ResponseEntity<String> approve(HttpServletRequest request, @PathVariable String id,
                                   @RequestParam(name = "csrf", required = false) String csrf) {
        Optional<PortalSession> operator = sessions.current(request, "operator");
        if (operator.isEmpty() || !sessions.validCsrf(request, csrf)) {
            return PortalPages.forbidden();
        }
        Optional<Approved> approved = approvals.approve(id, operator.get().actor());
        if (approved.isEmpty()) {
            return PortalPages.notFound();
        }
        AccessRequest decided = approved.get().request();
        String link = base() + "/portal/welcome/" + approved.get().revealToken();
        boolean sent = mailer.send(decided.email(), "Your Narvark API keys", """
                Hello %s,

                your access to Narvark is approved. Your API keys are waiting behind this one-time link (valid for
                %d days; it shows the keys exactly once, so keep them somewhere safe when you open it):

                %s

                Your test key works right away. Your live key is enabled after a short review; we will let you know.
                Sign in to the console any time at %s/portal/sign-in with this email address.
                """.formatted(decided.name(), KeyReveals.LIFETIME.toDays(), link, base()));
        return Html.page("Approved", "<h1>Approved</h1>" + Html.notice("Account " + approved.get().accountId()
                + " was created for " + decided.company() + "; " + (sent ? "the one-time key link was emailed to "
                + decided.email() + "." : "the email to " + decided.email() + " could not be sent (see the log)."))
                + "<p><a href=\"/portal/operator\">Back to the requests</a></p>");
    }

    @PostMapping("/portal/operator/requests/{id}/reject")
    ResponseEntity<String> reject(HttpServletRequest request, HttpServletResponse response, @PathVariable String id,
                                  @RequestParam(name = "csrf", required = false) String csrf,
                                  @RequestParam(name = "reason", required = false) String reason) {
        Optional<PortalSession> operator = sessions.current(request, "operator");
        if (operator.isEmpty() || !sessions.validCsrf(request, csrf)) {
            return PortalPages.forbidden();
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 1000) {
            return Html.page(HttpStatus.BAD_REQUEST, "Reason needed", "<h1>A reason is needed</h1>"
                    + "<p role=\"alert\">Give a reason of at most 1,000 characters to reject a request.</p>"
                    + "<p><a href=\"/portal/operator\">Back to the requests</a></p>");
        }
        if (!approvals.reject(id, operator.get().actor(), why)) {
            return PortalPages.notFound();
        }
        return Html.redirect("/portal/operator");
    }

    @PostMapping("/portal/operator/keys/{keyId}/enable")
    ResponseEntity<String> enableLive(HttpServletRequest request, @PathVariable String keyId,
                                      @RequestParam(name = "csrf", required = false) String csrf) {
        Optional<PortalSession> operator = sessions.current(request, "operator");
        if (operator.isEmpty() || !sessions.validCsrf(request, csrf)) {
            return PortalPages.forbidden();
        }
        return approvals.enableLive(keyId, operator.get().actor()) ? Html.redirect("/portal/operator")
                : PortalPages.notFound();
    }

    /** The configured public URL, never the request's Host header (see PortalLinks). */
    private String base() {
        return links.base();
    }

    private String pending(String csrf) {
        StringBuilder rows = new StringBuilder();
        for (AccessRequest r : requests.withStatus("pending", 100)) {
            String reasonId = "reason-" + r.requestId();
            rows.append("<tr><td>").append(Html.esc(r.createdAt().toString().substring(0, 16).replace('T', ' ')))
                    .append("</td><td>").append(Html.esc(r.name())).append("<br><small>").append(Html.esc(r.email()))
                    .append("</small></td><td>").append(Html.esc(r.company())).append("</td><td>")
                    .append(Html.esc(AccessRequestForm.VOLUMES.getOrDefault(r.volume(), r.volume())))
                    .append("</td><td>").append(Html.esc(String.join(", ", r.channels()))).append("</td><td>")
                    .append(Html.esc(r.useCase())).append("</td><td>")
                    .append(Html.button("/portal/operator/requests/" + r.requestId() + "/approve", csrf,
                            "Approve " + r.company(), Map.of()))
                    .append("<form class=\"inline\" method=\"post\" action=\"/portal/operator/requests/")
                    .append(r.requestId()).append("/reject\">").append(Html.csrf(csrf))
                    .append("<label for=\"").append(reasonId).append("\">Reason to reject</label><input id=\"")
                    .append(reasonId).append("\" name=\"reason\" type=\"text\" maxlength=\"1000\">")
                    .append("<button type=\"submit\">Reject</button></form></td></tr>");
        }
        if (rows.isEmpty()) {
            return "<h2>Pending</h2><p>No pending requests.</p>";
        }
        return "<h2>Pending</h2><table><caption>Requests waiting for a decision, newest first</caption><thead><tr>"
                + "<th scope=\"col\">Received (UTC)</th><th scope=\"col\">Requester</th><th scope=\"col\">Company</th>"
                + "<th scope=\"col\">Volume</th><th scope=\"col\">Channels</th><th scope=\"col\">Use case</th>"
                + "<th scope=\"col\">Decision</th></tr></thead><tbody>" + rows + "</tbody></table>";
    }

    private String inactiveLiveKeys(String csrf) {
        StringBuilder rows = new StringBuilder();
        requests.liveKeysAwaitingReview(100).forEach(k -> rows.append("<tr><td>" + Html.esc(k.company())
                + "</td><td>" + Html.esc(k.email()) + "</td><td><code>" + Html.esc(k.keyHint())
                + "</code></td><td>" + Html.button("/portal/operator/keys/" + k.keyId() + "/enable", csrf,
                "Enable live key", Map.of()) + "</td></tr>"));
        return "<h2>Live keys awaiting review</h2>" + (rows.isEmpty() ? "<p>None.</p>" : "<table><thead><tr>"
                + "<th scope=\"col\">Company</th><th scope=\"col\">Member</th><th scope=\"col\">Key</th>"
                + "<th scope=\"col\">Action</th></tr></thead><tbody>" + rows + "</tbody></table>");
    }

    private String auditTrail() {
        StringBuilder rows = new StringBuilder();
        audit.recent(20).forEach(e -> rows.append("<tr><td>").append(Html.esc(e.at())).append("</td><td>")
                .append(Html.esc(e.actor())).append("</td><td>").append(Html.esc(e.action())).append("</td><td>")
                .append(Html.esc(e.subject())).append("</td><td>").append(Html.esc(e.detail())).append("</td></tr>"));
        String failures = throttle.lastDay().entrySet().stream()
                .map(e -> Html.esc(e.getKey()) + ": " + e.getValue()).collect(Collectors.joining(", "));
        return "<h2>Audit trail</h2><p>Failed operator-token attempts in the last 24 hours: "
                + (failures.isEmpty() ? "none" : failures) + ".</p>"
                + "<table><thead><tr><th scope=\"col\">At (UTC)</th><th scope=\"col\">Who</th>"
                + "<th scope=\"col\">What</th><th scope=\"col\">Subject</th><th scope=\"col\">Detail</th></tr></thead>"
                + "<tbody>" + rows + "</tbody></table>";
    }

    private String sandboxOutbox() {
        if (!mailer.sandbox()) {
            return "";
        }
        StringBuilder rows = new StringBuilder();
        sandboxMail.recent(10).forEach(m -> rows.append("<tr><td>").append(Html.esc(m.at())).append("</td><td>")
                .append(Html.esc(m.to())).append("</td><td>").append(Html.esc(m.subject())).append("</td><td><pre>")
                .append(Html.esc(m.body())).append("</pre></td></tr>"));
        return "<h2>Sandbox mail</h2><p>Email runs on the sandbox carrier, so nothing was really sent: the portal's "
                + "emails and sign-in codes are here instead (newest first).</p>" + (rows.isEmpty() ? "<p>None yet."
                + "</p>" : "<table><thead><tr><th scope=\"col\">At (UTC)</th><th scope=\"col\">To</th>"
                + "<th scope=\"col\">Subject</th><th scope=\"col\">Text</th></tr></thead><tbody>" + rows
                + "</tbody></table>");
    }

    private static ResponseEntity<String> signInForm(String csrf, Map<String, String> errors, HttpStatus status) {
        return Html.page(status, "Operator sign-in", "<h1>Operator sign-in</h1>" + Html.errorSummary(errors)
                + "<form method=\"post\" action=\"/portal/operator/sign-in\">" + Html.csrf(csrf)
                + Html.input("operator", "Your name (recorded with every decision)", "text", "", errors,
                        "autocomplete=\"name\" required")
                + Html.input("token", "Operator token", "password", "", errors, "autocomplete=\"off\" required")
                + "<button type=\"submit\">Sign in</button></form>");
    }
}
