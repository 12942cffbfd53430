package com.narvark.portal;

import com.narvark.accounts.AuditTrail;
import com.narvark.accounts.Accounts;
import com.narvark.accounts.Accounts.IssuedKey;
import com.narvark.accounts.KeyDetails;
import com.narvark.accounts.MessageSettings;
import com.narvark.accounts.PortalSessions.PortalSession;
import com.narvark.otp.api.query.FindUsageQuery;
import com.narvark.otp.api.query.UsageView;
import com.narvark.otp.api.webhook.FindWebhookEndpointsQuery;
import com.narvark.otp.api.webhook.WebhookEndpointView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The account console: keys (create, roll, revoke; a secret shows once, on the page that answers the POST), webhook
 * endpoints, message settings (brand and default language), this month's usage and the way to the analytics
 * dashboard. Everything is scoped to the signed-in member's account; a key or endpoint id of another account is
 * simply not found.
 */
@Controller
class ConsoleController {

    private final BrowserSessions sessions;
    private final PortalPages pages;
    private final Accounts accounts;
    private final QueryGateway queries;
    private final AuditTrail audit;
    private final Clock clock;
    private final MessageSettings messages;
    private final int defaultPerMinute;

    ConsoleController(BrowserSessions sessions, PortalPages pages, Accounts accounts, QueryGateway queries,
                      AuditTrail audit, Clock clock, MessageSettings messages,
                      @Value("${narvark.rate-limit.per-minute:1000}") int defaultPerMinute) {
        this.sessions = sessions;
        this.pages = pages;
        this.accounts = accounts;
        this.queries = queries;
        this.audit = audit;
        this.clock = clock;
        this.messages = messages;
        this.defaultPerMinute = defaultPerMinute;
    }

    @GetMapping("/portal/console")
    ResponseEntity<String> console(HttpServletRequest request, HttpServletResponse response) {
        String csrf = sessions.csrfToken(sessions.browser(request, response));
        Optional<PortalSession> member = sessions.current(request, "member");
        if (member.isEmpty()) {
            return PortalPages.redirect("/portal/sign-in");
        }
        String accountId = member.get().accountId();
        Map<String, Object> model = new HashMap<>(ConsoleMessages.model(messages.of(accountId).orElseThrow(),
                Map.of(), null));
        model.putAll(Map.of("csrf", csrf, "name", accounts.name(accountId).orElseThrow(), "accountId", accountId,
                "actor", member.get().actor(),
                "keys", ConsoleKeys.rows(accounts.keyDetails(accountId), defaultPerMinute),
                "endpoints", ConsoleWebhooks.rows(endpoints(accountId))));
        model.putAll(usage(accountId));
        return pages.page("Console", "portal/console :: page", model);
    }

    @PostMapping("/portal/console/keys")
    @Transactional
    ResponseEntity<String> create(HttpServletRequest request,
                                  @RequestParam(name = "csrf", required = false) String csrf,
                                  @RequestParam(name = "environment", required = false) String environment) {
        Optional<PortalSession> member = sessions.current(request, "member");
        if (member.isEmpty() || !sessions.validCsrf(request, csrf)) {
            return pages.forbidden();
        }
        if (!"test".equals(environment) && !"live".equals(environment)) {
            return pages.notFound();
        }
        boolean live = environment.equals("live");
        boolean liveEnabled = accounts.keyDetails(member.get().accountId()).stream()
                .anyMatch(k -> k.key().livemode() && k.active());
        Optional<IssuedKey> issued = accounts.issueWithinLimit(member.get().accountId(), live);
        if (issued.isEmpty()) {
            return limitReached(environment);
        }
        if (live && !liveEnabled) {
            // Live traffic starts only once the operator enabled a live key of this account.
            accounts.setKeyActive(issued.get().key().keyId(), false);
        }
        audit.record(member.get().actor(), "key_created", issued.get().key().keyId(), environment);
        return shownOnce("New " + environment + " key", issued.get());
    }

    @PostMapping("/portal/console/keys/{keyId}/roll")
    @Transactional
    ResponseEntity<String> roll(HttpServletRequest request, @PathVariable String keyId,
                                @RequestParam(name = "csrf", required = false) String csrf) {
        Optional<PortalSession> member = sessions.current(request, "member");
        if (member.isEmpty() || !sessions.validCsrf(request, csrf)) {
            return pages.forbidden();
        }
        Optional<KeyDetails> old = ownKey(member.get(), keyId);
        if (old.isEmpty()) {
            return pages.notFound();
        }
        // Revoked first, in the same transaction: a roll replaces a key, so it works at the limit too.
        accounts.revoke(keyId);
        boolean live = old.get().key().livemode();
        Optional<IssuedKey> next = accounts.issueWithinLimit(member.get().accountId(), live);
        if (next.isEmpty()) {
            // Only when the limit was lowered below what the account holds: keep the old key.
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return limitReached(live ? "live" : "test");
        }
        IssuedKey issued = next.get();
        accounts.setKeyActive(issued.key().keyId(), old.get().active());
        if (old.get().rateLimit().perMinute() != null || old.get().rateLimit().unlimited()) {
            accounts.setRateLimit(issued.key().keyId(), old.get().rateLimit());
        }
        audit.record(member.get().actor(), "key_rolled", keyId, "replaced by " + issued.key().keyId());
        return shownOnce("Rolled key", issued);
    }

    @PostMapping("/portal/console/keys/{keyId}/revoke")
    ResponseEntity<String> revoke(HttpServletRequest request, @PathVariable String keyId,
                                  @RequestParam(name = "csrf", required = false) String csrf) {
        Optional<PortalSession> member = sessions.current(request, "member");
        if (member.isEmpty() || !sessions.validCsrf(request, csrf)) {
            return pages.forbidden();
        }
        if (ownKey(member.get(), keyId).isEmpty()) {
            return pages.notFound();
        }
        accounts.revoke(keyId);
        audit.record(member.get().actor(), "key_revoked", keyId, null);
        return PortalPages.redirect("/portal/console");
    }

    private Optional<KeyDetails> ownKey(PortalSession member, String keyId) {
        return accounts.keyDetails(member.accountId()).stream()
                .filter(k -> k.key().keyId().equals(keyId) && k.key().revokedAt() == null).findFirst();
    }

    private List<WebhookEndpointView> endpoints(String accountId) {
        List<WebhookEndpointView> all = new ArrayList<>();
        for (boolean livemode : new boolean[] {false, true}) {
            all.addAll(queries.query(new FindWebhookEndpointsQuery(accountId, livemode),
                    ResponseTypes.multipleInstancesOf(WebhookEndpointView.class)).join());
        }
        return all;
    }

    private Map<String, Object> usage(String accountId) {
        YearMonth month = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        UsageView usage = queries.query(new FindUsageQuery(accountId, true, month), UsageView.class).join();
        long total = usage.lines().stream().mapToLong(UsageView.UsageLine::units).sum();
        return Map.of("month", month, "usageTotal", total, "usageLines", usage.lines());
    }

    private ResponseEntity<String> shownOnce(String title, IssuedKey issued) {
        return pages.page(title, "portal/console-pages :: key-shown", Map.of("heading", title,
                "keyId", issued.key().keyId(), "secret", issued.secret()));
    }

    private ResponseEntity<String> limitReached(String environment) {
        return pages.page(HttpStatus.CONFLICT, "Key limit reached", "portal/console-pages :: key-limit",
                Map.of("max", accounts.maxActiveKeysPerEnvironment(), "environment", environment));
    }
}
