package com.narvark.gateway.webhooks;

import com.narvark.gateway.auth.Caller;
import com.narvark.gateway.error.ApiException;
import com.narvark.otp.api.webhook.FindWebhookDeliveriesQuery;
import com.narvark.otp.api.webhook.RedeliverWebhookCommand;
import com.narvark.otp.api.webhook.WebhookDeliveryPage;
import com.narvark.otp.api.webhook.WebhookDeliveryStatus;
import com.narvark.otp.api.webhook.WebhookDeliveryView;
import com.narvark.otp.api.webhook.WebhookEventType;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The event log (newest first, cursor-paginated) and manual redelivery. */
@RestController
class WebhookDeliveryController {

    private static final Set<String> FILTERS = Set.of("endpoint_id", "type", "status", "starting_after", "limit");
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;

    private final CommandGateway commands;
    private final QueryGateway queries;

    WebhookDeliveryController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @GetMapping("/v1/webhook_deliveries")
    Map<String, Object> list(@AuthenticationPrincipal Caller caller,
                             @RequestParam Map<String, String> params) {
        params.keySet().stream().filter(name -> !FILTERS.contains(name)).findFirst().ifPresent(name -> {
            throw ApiException.invalid(name, "unknown parameter: " + name);
        });
        String endpointId = params.get("endpoint_id");
        if (endpointId != null && !WebhookIds.isEndpointId(endpointId)) {
            throw ApiException.invalid("endpoint_id", "endpoint_id must be a webhook endpoint id (we_…)");
        }
        String startingAfter = params.get("starting_after");
        if (startingAfter != null && !WebhookIds.isDeliveryId(startingAfter)) {
            throw ApiException.invalid("starting_after", "starting_after must be a webhook delivery id (whd_…)");
        }
        WebhookEventType type = params.containsKey("type") ? WebhookEventType.fromWireName(params.get("type"))
                .orElseThrow(() -> ApiException.invalid("type", "unknown event type")) : null;
        WebhookDeliveryStatus status = params.containsKey("status") ? WebhookDeliveryStatus
                .fromWireName(params.get("status")).orElseThrow(() -> ApiException.invalid("status",
                        "status must be pending, succeeded or failed")) : null;
        int limit = limit(params.get("limit"));
        WebhookDeliveryPage page = queries.query(new FindWebhookDeliveriesQuery(caller.accountId(),
                caller.livemode(), endpointId, type, status, startingAfter, limit),
                ResponseTypes.instanceOf(WebhookDeliveryPage.class)).join();
        return Map.of("object", "list", "has_more", page.hasMore(),
                "data", page.deliveries().stream().map(DeliveryJson::of).toList());
    }

    @PostMapping("/v1/webhook_deliveries/{id}/redeliver")
    DeliveryJson redeliver(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        if (!WebhookIds.isDeliveryId(id)) {
            throw WebhookErrors.deliveryNotFound();
        }
        try {
            WebhookDeliveryView view = commands.sendAndWait(new RedeliverWebhookCommand(id, caller.accountId(),
                    caller.livemode()));
            if (view == null) {
                throw WebhookErrors.deliveryNotFound();
            }
            return DeliveryJson.of(view);
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            throw WebhookErrors.translate(e);
        }
    }

    private static int limit(String raw) {
        if (raw == null) {
            return DEFAULT_LIMIT;
        }
        if (!raw.matches("[0-9]{1,3}") || Integer.parseInt(raw) < 1 || Integer.parseInt(raw) > MAX_LIMIT) {
            throw ApiException.invalid("limit", "limit must be an integer between 1 and " + MAX_LIMIT);
        }
        return Integer.parseInt(raw);
    }
}
