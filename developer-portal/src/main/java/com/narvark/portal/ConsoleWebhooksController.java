package com.narvark.portal;

import com.narvark.accounts.AuditTrail;
import com.narvark.accounts.PortalSessions.PortalSession;
import com.narvark.otp.api.webhook.CreateWebhookEndpointCommand;
import com.narvark.otp.api.webhook.FindWebhookDeliveriesQuery;
import com.narvark.otp.api.webhook.RedeliverWebhookCommand;
import com.narvark.otp.api.webhook.RotateWebhookSecretCommand;
import com.narvark.otp.api.webhook.WebhookDeliveryPage;
import com.narvark.otp.api.webhook.WebhookEndpointView;
import com.narvark.otp.api.webhook.WebhookEventType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
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
 * Webhook endpoints from the console, through the same messages as the REST API (so the same URL rules, see
 * {@link WebhookEndpointRules}, and the same SSRF guard apply): add an endpoint, rotate its secret (both shown
 * once), see recent deliveries and redeliver one.
 */
@Controller
class ConsoleWebhooksController {

    private final BrowserSessions sessions;
    private final PortalPages pages;
    private final WebhookEndpointRules rules;
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final AuditTrail audit;

    ConsoleWebhooksController(BrowserSessions sessions, PortalPages pages, WebhookEndpointRules rules,
                              CommandGateway commands, QueryGateway queries, AuditTrail audit) {
        this.sessions = sessions;
        this.pages = pages;
        this.rules = rules;
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
            return pages.forbidden();
        }
        if (!"test".equals(environment) && !"live".equals(environment)) {
            return pages.notFound();
        }
        String checked = url == null ? "" : url.strip();
        Optional<String> badUrl = rules.urlRefusal(checked);
        if (badUrl.isPresent()) {
            return refused(badUrl.get());
        }
        WebhookEndpointView created;
        try {
            // No events named: every event type, as when the API's request names none.
            created = commands.sendAndWait(new CreateWebhookEndpointCommand(member.get().accountId(),
                    environment.equals("live"), checked, EnumSet.noneOf(WebhookEventType.class)));
        } catch (RuntimeException e) {
            return refused(rules.refusal(e).orElseThrow(() -> e));
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
            return pages.forbidden();
        }
        if (!id.startsWith("we_") || (!"test".equals(environment) && !"live".equals(environment))) {
            return pages.notFound();
        }
        WebhookEndpointView rotated = commands.sendAndWait(new RotateWebhookSecretCommand(id,
                member.get().accountId(), environment.equals("live")));
        if (rotated == null) {
            return pages.notFound();
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
            return PortalPages.redirect("/portal/sign-in");
        }
        if (!id.startsWith("we_") || (!"test".equals(environment) && !"live".equals(environment))) {
            return pages.notFound();
        }
        WebhookDeliveryPage page = queries.query(new FindWebhookDeliveriesQuery(member.get().accountId(),
                environment.equals("live"), id, null, null, null, 20),
                ResponseTypes.instanceOf(WebhookDeliveryPage.class)).join();
        return pages.page("Webhook deliveries", "portal/console-pages :: deliveries", Map.of("csrf", csrf,
                "endpointId", id, "environment", environment, "deliveries", page.deliveries()));
    }

    @PostMapping("/portal/console/webhooks/{id}/deliveries/{deliveryId}/redeliver")
    ResponseEntity<String> redeliver(HttpServletRequest request, @PathVariable String id,
                                     @PathVariable String deliveryId,
                                     @RequestParam(name = "csrf", required = false) String csrf,
                                     @RequestParam(name = "environment", required = false) String environment) {
        Optional<PortalSession> member = sessions.current(request, "member");
        if (member.isEmpty() || !sessions.validCsrf(request, csrf)) {
            return pages.forbidden();
        }
        if (!deliveryId.startsWith("whd_") || (!"test".equals(environment) && !"live".equals(environment))) {
            return pages.notFound();
        }
        try {
            if (commands.sendAndWait(new RedeliverWebhookCommand(deliveryId, member.get().accountId(),
                    environment.equals("live"))) == null) {
                return pages.notFound();
            }
        } catch (RuntimeException e) {
            return pages.page(HttpStatus.CONFLICT, "Not redelivered", "portal/console-pages :: not-redelivered",
                    Map.of());
        }
        audit.record(member.get().actor(), "webhook_redelivered", deliveryId, environment);
        return PortalPages.redirect("/portal/console/webhooks/" + id + "?environment=" + environment);
    }

    private ResponseEntity<String> refused(String reason) {
        return pages.page(HttpStatus.BAD_REQUEST, "Endpoint refused", "portal/console-pages :: endpoint-refused",
                Map.of("reason", reason));
    }

    private ResponseEntity<String> secret(String title, WebhookEndpointView endpoint) {
        return pages.page(title, "portal/console-pages :: endpoint-secret", Map.of("heading", title,
                "endpointId", endpoint.endpointId(), "url", endpoint.url(), "secret", endpoint.secret()));
    }
}
