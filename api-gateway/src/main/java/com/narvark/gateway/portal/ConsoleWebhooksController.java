package com.narvark.gateway.portal;

import com.narvark.accounts.AuditTrail;
import com.narvark.gateway.error.ApiException;
import com.narvark.accounts.PortalSessions.PortalSession;
import com.narvark.gateway.webhooks.EndpointRequestParser;
import com.narvark.gateway.webhooks.EndpointRequestParser.EndpointRequest;
import com.narvark.gateway.webhooks.WebhookErrors;
import com.narvark.otp.api.webhook.CreateWebhookEndpointCommand;
import com.narvark.otp.api.webhook.FindWebhookDeliveriesQuery;
import com.narvark.otp.api.webhook.RedeliverWebhookCommand;
import com.narvark.otp.api.webhook.RotateWebhookSecretCommand;
import com.narvark.otp.api.webhook.WebhookDeliveryPage;
import com.narvark.otp.api.webhook.WebhookDeliveryView;
import com.narvark.otp.api.webhook.WebhookEndpointView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Webhook endpoints from the console, through the same messages as the REST API (so the same URL rules and SSRF
 * guard apply): add an endpoint, rotate its secret (both shown once), see recent deliveries and redeliver one.
 */
@Controller
class ConsoleWebhooksController {

    private final BrowserSessions sessions;
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final AuditTrail audit;

    ConsoleWebhooksController(BrowserSessions sessions, CommandGateway commands, QueryGateway queries,
                              AuditTrail audit) {
        this.sessions = sessions;
        this.commands = commands;
        this.queries = queries;
        this.audit = audit;
    }

    @PostMapping("/portal/console/webhooks")
    ResponseEntity<String> create(HttpServletRequest request,
                                  @RequestParam(name = "csrf", required = false) String csrf,
                                  @RequestParam(name = "url", required = false) String url,
                                  @RequestParam(name = "environment", required = false) String environment) {
        Optional<PortalSession> member = sessions.current(request, "member");
        if (member.isEmpty() || !sessions.validCsrf(request, csrf)) {
            return PortalPages.forbidden();
        }
        if (!"test".equals(environment) && !"live".equals(environment)) {
            return PortalPages.notFound();
        }
        WebhookEndpointView created;
        try {
            EndpointRequest parsed = EndpointRequestParser.parse(Map.of("url", url == null ? "" : url.strip()));
            created = commands.sendAndWait(new CreateWebhookEndpointCommand(member.get().accountId(),
                    environment.equals("live"), parsed.url(), parsed.events()));
        } catch (RuntimeException e) {
            RuntimeException translated = e instanceof ApiException ? e : WebhookErrors.translate(e);
            if (!(translated instanceof ApiException refused)) {
                throw e;
            }
            return Html.page(HttpStatus.BAD_REQUEST, "Endpoint refused", "<h1>The endpoint was not added</h1>"
                    + "<p class=\"error\" role=\"alert\">" + Html.esc(refused.getMessage()) + "</p>"
                    + "<p><a href=\"/portal/console\">Back to the console</a></p>");
        }
        audit.record(member.get().actor(), "webhook_endpoint_created", created.endpointId(), environment);
        return secret("Endpoint added", created);
    }

    @PostMapping("/portal/console/webhooks/{id}/rotate")
    ResponseEntity<String> rotate(HttpServletRequest request, @PathVariable String id,
                                  @RequestParam(name = "csrf", required = false) String csrf,
                                  @RequestParam(name = "environment", required = false) String environment) {
        Optional<PortalSession> member = sessions.current(request, "member");
        if (member.isEmpty() || !sessions.validCsrf(request, csrf)) {
            return PortalPages.forbidden();
        }
        if (!id.startsWith("we_") || (!"test".equals(environment) && !"live".equals(environment))) {
            return PortalPages.notFound();
        }
        WebhookEndpointView rotated = commands.sendAndWait(new RotateWebhookSecretCommand(id,
                member.get().accountId(), environment.equals("live")));
        if (rotated == null) {
            return PortalPages.notFound();
        }
        audit.record(member.get().actor(), "webhook_secret_rotated", id, environment);
        return secret("Secret rotated", rotated);
    }

    @GetMapping("/portal/console/webhooks/{id}")
    ResponseEntity<String> deliveries(HttpServletRequest request, HttpServletResponse response,
                                      @PathVariable String id,
                                      @RequestParam(name = "environment", required = false) String environment) {
        String csrf = sessions.csrfToken(sessions.browser(request, response));
        Optional<PortalSession> member = sessions.current(request, "member");
        if (member.isEmpty()) {
            return Html.redirect("/portal/sign-in");
        }
        if (!id.startsWith("we_") || (!"test".equals(environment) && !"live".equals(environment))) {
            return PortalPages.notFound();
        }
        WebhookDeliveryPage page = queries.query(new FindWebhookDeliveriesQuery(member.get().accountId(),
                environment.equals("live"), id, null, null, null, 20),
                ResponseTypes.instanceOf(WebhookDeliveryPage.class)).join();
        StringBuilder rows = new StringBuilder();
        for (WebhookDeliveryView d : page.deliveries()) {
            rows.append("<tr><td>").append(Html.esc(d.createdAt())).append("</td><td>")
                    .append(Html.esc(d.type().wireName())).append("</td><td><code>").append(Html.esc(d.otpId()))
                    .append("</code></td><td>").append(Html.esc(d.status().name().toLowerCase()))
                    .append("</td><td>").append(d.attempts().size()).append("</td><td>")
                    .append(Html.button("/portal/console/webhooks/" + id + "/deliveries/" + d.deliveryId()
                            + "/redeliver", csrf, "Redeliver", Map.of("environment", environment)))
                    .append("</td></tr>");
        }
        return Html.page("Webhook deliveries", "<h1>Recent deliveries</h1><p>Endpoint <code>" + Html.esc(id)
                + "</code> (" + environment + ")</p>" + (rows.isEmpty() ? "<p>No deliveries yet.</p>"
                : "<table><thead><tr><th scope=\"col\">Created</th><th scope=\"col\">Event</th><th scope=\"col\">"
                + "OTP</th><th scope=\"col\">Status</th><th scope=\"col\">Attempts</th><th scope=\"col\">Action</th>"
                + "</tr></thead><tbody>" + rows + "</tbody></table>")
                + "<p><a href=\"/portal/console\">Back to the console</a></p>");
    }

    @PostMapping("/portal/console/webhooks/{id}/deliveries/{deliveryId}/redeliver")
    ResponseEntity<String> redeliver(HttpServletRequest request, @PathVariable String id,
                                     @PathVariable String deliveryId,
                                     @RequestParam(name = "csrf", required = false) String csrf,
                                     @RequestParam(name = "environment", required = false) String environment) {
        Optional<PortalSession> member = sessions.current(request, "member");
        if (member.isEmpty() || !sessions.validCsrf(request, csrf)) {
            return PortalPages.forbidden();
        }
        if (!deliveryId.startsWith("whd_") || (!"test".equals(environment) && !"live".equals(environment))) {
            return PortalPages.notFound();
        }
        try {
            if (commands.sendAndWait(new RedeliverWebhookCommand(deliveryId, member.get().accountId(),
                    environment.equals("live"))) == null) {
                return PortalPages.notFound();
            }
        } catch (RuntimeException e) {
            return Html.page(HttpStatus.CONFLICT, "Not redelivered", "<h1>Not redelivered</h1><p role=\"alert\">"
                    + "The endpoint of this delivery is disabled; add it again to receive events.</p>");
        }
        audit.record(member.get().actor(), "webhook_redelivered", deliveryId, environment);
        return Html.redirect("/portal/console/webhooks/" + id + "?environment=" + environment);
    }

    private static ResponseEntity<String> secret(String title, WebhookEndpointView endpoint) {
        return Html.page(title, "<h1>" + Html.esc(title) + "</h1><p>Endpoint <code>"
                + Html.esc(endpoint.endpointId()) + "</code> → <code>" + Html.esc(endpoint.url()) + "</code></p>"
                + Html.notice("Copy the signing secret now: it is shown only on this page.")
                + "<p><code class=\"secret\">" + Html.esc(endpoint.secret()) + "</code></p>"
                + "<p><a href=\"/portal/console\">Back to the console</a></p>");
    }
}
