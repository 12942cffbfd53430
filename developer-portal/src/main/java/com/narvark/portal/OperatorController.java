package com.narvark.portal;

import com.narvark.accounts.AccessRequest;
import com.narvark.accounts.AccessRequests;
import com.narvark.accounts.AuditTrail;
import com.narvark.accounts.PortalSessions.PortalSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The operator's view: pending access requests, live keys awaiting review, the audit trail and (on the sandbox
 * carrier) the mail that was not really sent. Signing in takes the operator token ({@code narvark.admin.token}, the
 * admin API's credential) and the operator's name, which the audit trail records with every decision
 * ({@link OperatorDecisionsController}).
 */
@Controller
class OperatorController {

    private static final Duration SESSION = Duration.ofHours(2);

    private final BrowserSessions sessions;
    private final PortalPages pages;
    private final AccessRequests requests;
    private final PortalMailer mailer;
    private final AuditTrail audit;
    private final SandboxMail sandboxMail;
    private final OperatorSignInThrottle throttle;
    private final byte[] adminToken;

    OperatorController(BrowserSessions sessions, PortalPages pages, AccessRequests requests, PortalMailer mailer,
                       AuditTrail audit, SandboxMail sandboxMail, OperatorSignInThrottle throttle,
                       @Value("${narvark.admin.token:}") String adminToken) {
        this.sessions = sessions;
        this.pages = pages;
        this.requests = requests;
        this.mailer = mailer;
        this.audit = audit;
        this.sandboxMail = sandboxMail;
        this.throttle = throttle;
        this.adminToken = adminToken.getBytes(StandardCharsets.UTF_8);
    }

    /** A pending request as the operator's table shows it. */
    record PendingRow(String requestId, String received, String name, String email, String company, String volume,
                      String channels, String useCase) {

        static PendingRow of(AccessRequest r) {
            return new PendingRow(r.requestId(), r.createdAt().toString().substring(0, 16).replace('T', ' '),
                    r.name(), r.email(), r.company(), AccessRequestForm.VOLUMES.getOrDefault(r.volume(), r.volume()),
                    String.join(", ", r.channels()), r.useCase());
        }
    }

    @GetMapping("/portal/operator")
    ResponseEntity<String> view(HttpServletRequest request, HttpServletResponse response) {
        String csrf = sessions.csrfToken(sessions.browser(request, response));
        Optional<PortalSession> operator = sessions.current(request, "operator");
        if (operator.isEmpty()) {
            return signInForm(csrf, Map.of(), HttpStatus.OK);
        }
        String failures = throttle.failuresLastDay().entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "));
        Map<String, Object> model = new HashMap<>(Map.of("csrf", csrf, "operator", operator.get().actor(),
                "pending", requests.withStatus("pending", 100).stream().map(PendingRow::of).toList(),
                "liveKeys", requests.liveKeysAwaitingReview(100), "audit", audit.recent(20),
                "failures", failures.isEmpty() ? "none" : failures));
        // Null when email really goes out: the section is left out.
        model.put("sandboxMail", mailer.sandbox() ? sandboxMail.recent(10) : null);
        return pages.page("Operator", "portal/operator :: view", model);
    }

    @PostMapping("/portal/operator/sign-in")
    ResponseEntity<String> signIn(HttpServletRequest request, HttpServletResponse response,
                                  @RequestParam(name = "csrf", required = false) String csrf,
                                  @RequestParam(name = "operator", required = false) String name,
                                  @RequestParam(name = "token", required = false) String token) {
        if (!sessions.validCsrf(request, csrf)) {
            return pages.forbidden();
        }
        String operator = name == null ? "" : name.strip();
        byte[] presented = (token == null ? "" : token.strip()).getBytes(StandardCharsets.UTF_8);
        if (operator.isEmpty() || operator.length() > 100) {
            return signInForm(csrf, Map.of("operator", "Enter your name (at most 100 characters)"),
                    HttpStatus.BAD_REQUEST);
        }
        OptionalLong wait = throttle.refusal(request);
        if (wait.isPresent()) {
            ResponseEntity<String> refused = signInForm(csrf, Map.of("token", "Too many failed sign-ins from here; "
                    + "try again in " + wait.getAsLong() + " seconds"), HttpStatus.TOO_MANY_REQUESTS);
            return ResponseEntity.status(refused.getStatusCode()).headers(refused.getHeaders())
                    .header("Retry-After", Long.toString(wait.getAsLong())).body(refused.getBody());
        }
        if (adminToken.length == 0 || !MessageDigest.isEqual(presented, adminToken)) {
            // Counted, not audited: a guesser's chosen names must not push real entries out of the trail.
            throttle.failed(request);
            return signInForm(csrf, Map.of("token", "That operator token is not right"), HttpStatus.UNAUTHORIZED);
        }
        sessions.start(request, response, new PortalSession("operator", operator, null, null), SESSION);
        audit.record(operator, "operator_signed_in", "operator", null);
        return PortalPages.redirect("/portal/operator");
    }

    private ResponseEntity<String> signInForm(String csrf, Map<String, String> errors, HttpStatus status) {
        return pages.page(status, "Operator sign-in", "portal/operator :: sign-in",
                Map.of("csrf", csrf, "errors", errors));
    }
}
