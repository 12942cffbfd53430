package com.narvark.portal;

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
    private final PortalPages pages;
    private final AccessRequests requests;
    private final PortalMailer mailer;
    private final AuditTrail audit;
    private final int perHour;
    private final int globalPerHour;

    AccessRequestController(BrowserSessions sessions, PortalPages pages, AccessRequests requests, PortalMailer mailer,
                            AuditTrail audit,
                            @Value("${narvark.portal.access-requests-per-hour:5}") int perHour,
                            @Value("${narvark.portal.access-requests-global-per-hour:100}") int globalPerHour) {
        this.sessions = sessions;
        this.pages = pages;
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
            return pages.forbidden();
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

    private ResponseEntity<String> tooMany(AccessRequests.Recent recent, String why) {
        long minutes = (recent.secondsUntilOldestLeaves() + 59) / 60;
        ResponseEntity<String> page = pages.page(HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                "portal/access :: too-many", Map.of("why", why, "minutes", minutes));
        return ResponseEntity.status(page.getStatusCode()).headers(page.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(recent.secondsUntilOldestLeaves())).body(page.getBody());
    }

    private ResponseEntity<String> thanks() {
        return pages.page("Thank you", "portal/access :: thanks", Map.of());
    }

    /** A choice of the form: the submitted value and what the page shows for it. */
    record Option(String value, String label) {
    }

    private ResponseEntity<String> render(String csrf, AccessRequestForm form, Map<String, String> errors,
                                          HttpStatus status) {
        List<Option> volumes = AccessRequestForm.VOLUMES.entrySet().stream()
                .map(volume -> new Option(volume.getKey(), volume.getValue())).toList();
        List<Option> channels = AccessRequestForm.CHANNELS.stream()
                .map(channel -> new Option(channel, LABELS.get(channel))).toList();
        return pages.page(status, "Request access", "portal/access :: request-form", Map.of("csrf", csrf, "form", form,
                "errors", errors, "volumes", volumes, "channels", channels));
    }
}
