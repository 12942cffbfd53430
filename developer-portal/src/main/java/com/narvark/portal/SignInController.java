package com.narvark.portal;

import com.narvark.accounts.AuditTrail;
import com.narvark.accounts.PortalMembers;
import com.narvark.accounts.PortalSessions.PortalSession;
import com.narvark.otp.api.GuardPolicy;
import com.narvark.otp.api.OtpId;
import com.narvark.otp.api.command.VerificationResult;
import com.narvark.otp.api.command.VerifyOtpCommand;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Console sign-in by emailed code, dogfooded: the code is a Narvark OTP of the platform's own portal account, sent
 * on the email channel through the normal command path (SendOtpCommand) and checked with VerifyOtpCommand, so it
 * gets the same expiry, attempt cap and carriers as any customer's. An unknown email gets the same answer as a
 * member's, after the same work (the code is sent by {@link SignInCodes} off the request thread), and no email, so
 * the form tells nobody who has an account.
 */
@Controller
class SignInController {

    /** The platform's own account: the portal's sign-in codes are its (live) OTPs. */
    static final String PORTAL_ACCOUNT = "acct_narvark_portal";
    private static final Duration PENDING = Duration.ofMinutes(10);
    private static final Duration SIGNED_IN = Duration.ofHours(8);

    private final BrowserSessions sessions;
    private final PortalPages pages;
    private final SignInCodes codes;
    private final CommandGateway commands;
    private final AuditTrail audit;
    private final PortalMembers members;
    private final SecureRandom random;

    SignInController(BrowserSessions sessions, PortalPages pages, SignInCodes codes, CommandGateway commands,
                     AuditTrail audit, PortalMembers members, SecureRandom random) {
        this.sessions = sessions;
        this.pages = pages;
        this.codes = codes;
        this.commands = commands;
        this.audit = audit;
        this.members = members;
        this.random = random;
    }

    @GetMapping("/portal/sign-in")
    ResponseEntity<String> form(HttpServletRequest request, HttpServletResponse response) {
        return emailForm(sessions.csrfToken(sessions.browser(request, response)), "", Map.of(), HttpStatus.OK);
    }

    @PostMapping("/portal/sign-in")
    ResponseEntity<String> sendCode(HttpServletRequest request, HttpServletResponse response,
                                    @RequestParam(name = "csrf", required = false) String csrf,
                                    @RequestParam(name = "email", required = false) String rawEmail) {
        if (!sessions.validCsrf(request, csrf)) {
            return pages.forbidden();
        }
        String email = rawEmail == null ? "" : rawEmail.strip().toLowerCase(Locale.ROOT);
        if (!AccessRequestForm.isEmail(email)) {
            return emailForm(csrf, email, Map.of("email", "Enter your work email address, like jane@example.com"),
                    HttpStatus.BAD_REQUEST);
        }
        // The same work for every address (see SignInCodes): whether a code goes out is decided off this thread.
        String otpId = OtpId.generate(random);
        sessions.start(request, response, new PortalSession("pending", email, null, otpId), PENDING);
        codes.sendLater(email, otpId, PENDING);
        return PortalPages.redirect("/portal/sign-in/code");
    }

    @GetMapping("/portal/sign-in/code")
    ResponseEntity<String> codeForm(HttpServletRequest request, HttpServletResponse response) {
        String csrf = sessions.csrfToken(sessions.browser(request, response));
        Optional<PortalSession> pending = sessions.current(request, "pending");
        if (pending.isEmpty()) {
            return PortalPages.redirect("/portal/sign-in");
        }
        return codeForm(csrf, pending.get().actor(), Map.of(), HttpStatus.OK);
    }

    @PostMapping("/portal/sign-in/code")
    ResponseEntity<String> verify(HttpServletRequest request, HttpServletResponse response,
                                  @RequestParam(name = "csrf", required = false) String csrf,
                                  @RequestParam(name = "code", required = false) String rawCode) {
        if (!sessions.validCsrf(request, csrf)) {
            return pages.forbidden();
        }
        Optional<PortalSession> pending = sessions.current(request, "pending");
        if (pending.isEmpty()) {
            return PortalPages.redirect("/portal/sign-in");
        }
        String code = rawCode == null ? "" : rawCode.replaceAll("[\\s-]", "");
        if (!code.matches("[0-9]{6}")) {
            return codeForm(csrf, pending.get().actor(), Map.of("code", "Enter the 6-digit code from the email"),
                    HttpStatus.BAD_REQUEST);
        }
        PortalSession session = pending.get();
        boolean valid = false;
        // A stranger's OTP id was never sent, so there is no OTP to load (and no stack trace to log per guess).
        if (session.pendingOtpId() != null && codes.wasSent(session.actor(), session.pendingOtpId())) {
            try {
                VerificationResult result = commands.sendAndWait(
                        new VerifyOtpCommand(session.pendingOtpId(), PORTAL_ACCOUNT, true, code, GuardPolicy.DEFAULT));
                valid = result != null && result.valid();
            } catch (RuntimeException e) {
                valid = false;
            }
        }
        // A code only ever went to a member; the account is read now, so a membership since removed signs in nobody.
        Optional<String> account = valid ? members.accountOf(session.actor()) : Optional.empty();
        if (account.isEmpty()) {
            return codeForm(csrf, session.actor(), Map.of("code", "That code is not right or has expired. Check "
                    + "the newest email, or start again to get a new code."), HttpStatus.UNAUTHORIZED);
        }
        sessions.start(request, response, new PortalSession("member", session.actor(), account.get(), null), SIGNED_IN);
        audit.record(session.actor(), "console_signed_in", account.get(), null);
        return PortalPages.redirect("/portal/console");
    }

    @PostMapping("/portal/sign-out")
    ResponseEntity<String> signOut(HttpServletRequest request, HttpServletResponse response,
                                   @RequestParam(name = "csrf", required = false) String csrf) {
        if (!sessions.validCsrf(request, csrf)) {
            return pages.forbidden();
        }
        sessions.end(request, response);
        return PortalPages.redirect("/portal/sign-in");
    }

    private ResponseEntity<String> emailForm(String csrf, String email, Map<String, String> errors,
                                             HttpStatus status) {
        return pages.page(status, "Sign in", "portal/sign-in :: email-form",
                Map.of("csrf", csrf, "email", email, "errors", errors));
    }

    private ResponseEntity<String> codeForm(String csrf, String email, Map<String, String> errors,
                                            HttpStatus status) {
        return pages.page(status, "Enter your code", "portal/sign-in :: code-form",
                Map.of("csrf", csrf, "email", email, "errors", errors));
    }
}
