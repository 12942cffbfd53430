package com.narvark.gateway.portal;

import com.narvark.accounts.AuditTrail;
import com.narvark.accounts.AccessRequests;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public access form. A submission is validated, limited per client (an IPv4 address or an IPv6 /64, see
 * ClientNetworks; the request's remote address, which honours forwarded headers only when
 * server.forward-headers-strategy says so) and by a global ceiling across all clients, and silently dropped when the
 * honeypot field (hidden from people, filled by bots) is set.
 */
@Controller
class AccessRequestController {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Map<String, String> LABELS = Map.of("whatsapp", "WhatsApp", "sms", "SMS", "email", "Email",
            "voice", "Voice");

    private final BrowserSessions sessions;
    private final AccessRequests requests;
    private final PortalMailer mailer;
    private final AuditTrail audit;
    private final int perHour;
    private final int globalPerHour;

    AccessRequestController(BrowserSessions sessions, AccessRequests requests, PortalMailer mailer, AuditTrail audit,
                            @Value("${narvark.portal.access-requests-per-hour:5}") int perHour,
                            @Value("${narvark.portal.access-requests-global-per-hour:100}") int globalPerHour) {
        this.sessions = sessions;
        this.requests = requests;
        this.mailer = mailer;
        this.audit = audit;
        this.perHour = perHour;
        this.globalPerHour = globalPerHour;
    }

    @GetMapping("/portal/access")
    ResponseEntity<String> form(HttpServletRequest request, HttpServletResponse response) {
        return render(sessions.csrfToken(sessions.browser(request, response)), AccessRequestForm.empty(), Map.of(),
                HttpStatus.OK);
    }

    @PostMapping("/portal/access")
    ResponseEntity<String> submit(HttpServletRequest request, HttpServletResponse response,
                                  @RequestParam(name = "csrf", required = false) String csrf,
                                  @RequestParam(name = "name", required = false) String name,
                                  @RequestParam(name = "company", required = false) String company,
                                  @RequestParam(name = "email", required = false) String email,
                                  @RequestParam(name = "volume", required = false) String volume,
                                  @RequestParam(name = "channels", required = false) List<String> channels,
                                  @RequestParam(name = "use_case", required = false) String useCase,
                                  @RequestParam(name = "website", required = false) String honeypot) {
        if (!sessions.validCsrf(request, csrf)) {
            return PortalPages.forbidden();
        }
        String token = sessions.csrfToken(sessions.browser(request, response));
        if (honeypot != null && !honeypot.isEmpty()) {
            return thanks();
        }
        AccessRequestForm form = AccessRequestForm.of(name, company, email, volume, channels, useCase);
        Map<String, String> errors = form.errors();
        if (!errors.isEmpty()) {
            return render(token, form, errors, HttpStatus.BAD_REQUEST);
        }
        AccessRequests.Recent fromClient = requests.recentFrom(request.getRemoteAddr(), HOUR);
        if (fromClient.count() >= perHour) {
            return tooMany(fromClient, "We received several requests from your network in the last hour.");
        }
        // A ceiling for everyone together: many addresses (a botnet, many /64s) cannot flood the operator's queue.
        AccessRequests.Recent fromAnyone = requests.recentFromAnyone(HOUR);
        if (fromAnyone.count() >= globalPerHour) {
            return tooMany(fromAnyone, "We are receiving an unusual number of requests right now.");
        }
        String id = requests.submit(form.toRequest(), request.getRemoteAddr());
        audit.record(form.email(), "access_requested", id, form.company());
        mailer.send(form.email(), "We received your Narvark access request", """
                Hello %s,

                thank you for your interest in Narvark. We received your request for %s and will be in touch
                within two working days. Once it is approved you will receive a one-time link to your API keys.

                Reference: %s
                """.formatted(form.name(), form.company(), id));
        return thanks();
    }

    private static ResponseEntity<String> tooMany(AccessRequests.Recent recent, String why) {
        long minutes = (recent.secondsUntilOldestLeaves() + 59) / 60;
        ResponseEntity<String> page = Html.page(HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                "<h1>Too many requests</h1><p role=\"alert\">" + why + " Please try again in " + minutes
                        + (minutes == 1 ? " minute" : " minutes") + ", or write to us.</p>");
        return ResponseEntity.status(page.getStatusCode()).headers(page.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(recent.secondsUntilOldestLeaves())).body(page.getBody());
    }

    private static ResponseEntity<String> thanks() {
        return Html.page("Thank you", "<h1>Thank you — we will be in touch</h1>"
                + "<p role=\"status\">We received your request and sent a confirmation to your work email. Our team "
                + "reviews every request; once yours is approved you will receive a one-time link to your API keys."
                + "</p><p><a href=\"/portal/sign-in\">Already have an account? Sign in to the console</a></p>");
    }

    private static ResponseEntity<String> render(String csrf, AccessRequestForm form, Map<String, String> errors,
                                                 HttpStatus status) {
        StringBuilder volumes = new StringBuilder("<option value=\"\">Choose…</option>");
        AccessRequestForm.VOLUMES.forEach((value, label) -> volumes.append("<option value=\"").append(value)
                .append("\"").append(value.equals(form.volume()) ? " selected" : "").append(">")
                .append(Html.esc(label)).append("</option>"));
        StringBuilder channels = new StringBuilder();
        for (String channel : AccessRequestForm.CHANNELS) {
            channels.append("<label class=\"check\"><input type=\"checkbox\" id=\"channel-").append(channel)
                    .append("\" name=\"channels\" value=\"").append(channel).append("\"")
                    .append(form.channels().contains(channel) ? " checked" : "").append("> ")
                    .append(LABELS.get(channel)).append("</label>");
        }
        String channelError = errors.get("channel-whatsapp");
        String volumeError = errors.get("volume");
        String useCaseError = errors.get("use_case");
        String body = "<h1>Request access</h1><p>Tell us about your project. We review every request and answer "
                + "within two working days.</p>" + Html.errorSummary(errors)
                + "<form method=\"post\" action=\"/portal/access\" novalidate>" + Html.csrf(csrf)
                + Html.input("name", "Your name", "text", form.name(), errors, "autocomplete=\"name\" required")
                + Html.input("company", "Company", "text", form.company(), errors,
                        "autocomplete=\"organization\" required")
                + Html.input("email", "Work email", "email", form.email(), errors, "autocomplete=\"email\" required")
                + "<div class=\"field\"><label for=\"volume\">Expected monthly volume</label>"
                + (volumeError == null ? "" : "<p class=\"error\" id=\"volume-error\">" + Html.esc(volumeError)
                        + "</p>")
                + "<select id=\"volume\" name=\"volume\" required"
                + (volumeError == null ? "" : " aria-invalid=\"true\" aria-describedby=\"volume-error\"") + ">"
                + volumes + "</select></div>"
                + "<fieldset class=\"field\"" + (channelError == null ? "" : " aria-describedby=\"channels-error\"")
                + "><legend>Channels you want</legend>"
                + (channelError == null ? "" : "<p class=\"error\" id=\"channels-error\">" + Html.esc(channelError)
                        + "</p>")
                + channels + "</fieldset>"
                + "<div class=\"field\"><label for=\"use_case\">Use case</label>"
                + (useCaseError == null ? "" : "<p class=\"error\" id=\"use_case-error\">" + Html.esc(useCaseError)
                        + "</p>")
                + "<textarea id=\"use_case\" name=\"use_case\" rows=\"5\" required"
                + (useCaseError == null ? "" : " aria-invalid=\"true\" aria-describedby=\"use_case-error\"") + ">"
                + Html.esc(form.useCase()) + "</textarea></div>"
                // The honeypot: off-screen and out of the tab order for people, a field like any other for bots.
                + "<div class=\"hp\" aria-hidden=\"true\"><label for=\"website\">Leave this empty</label>"
                + "<input id=\"website\" name=\"website\" type=\"text\" tabindex=\"-1\" autocomplete=\"off\"></div>"
                + "<button type=\"submit\">Request access</button></form>";
        return Html.page(status, "Request access", body);
    }
}
