package com.narvark.gateway.webhooks;

import com.narvark.gateway.auth.Caller;
import com.narvark.otp.api.webhook.CreateWebhookEndpointCommand;
import com.narvark.otp.api.webhook.DeleteWebhookEndpointCommand;
import com.narvark.otp.api.webhook.FindWebhookEndpointQuery;
import com.narvark.otp.api.webhook.FindWebhookEndpointsQuery;
import com.narvark.otp.api.webhook.RotateWebhookSecretCommand;
import com.narvark.otp.api.webhook.WebhookEndpointView;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Webhook endpoints of the caller's account and environment; the secret is shown on creation and rotation only. */
@RestController
@RequestMapping("/v1/webhook_endpoints")
class WebhookEndpointController {

    private final CommandGateway commands;
    private final QueryGateway queries;

    WebhookEndpointController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping
    ResponseEntity<EndpointJson> create(@AuthenticationPrincipal Caller caller,
                                        @RequestBody Map<String, Object> body) {
        EndpointRequestParser.EndpointRequest request = EndpointRequestParser.parse(body);
        try {
            WebhookEndpointView created = commands.sendAndWait(new CreateWebhookEndpointCommand(caller.accountId(),
                    caller.livemode(), request.url(), request.events()));
            return ResponseEntity.status(HttpStatus.CREATED).body(EndpointJson.of(created));
        } catch (RuntimeException e) {
            throw WebhookErrors.translate(e);
        }
    }

    @GetMapping
    Map<String, Object> list(@AuthenticationPrincipal Caller caller) {
        List<WebhookEndpointView> endpoints = queries.query(new FindWebhookEndpointsQuery(caller.accountId(),
                caller.livemode()), ResponseTypes.multipleInstancesOf(WebhookEndpointView.class)).join();
        return Map.of("object", "list", "data", endpoints.stream().map(EndpointJson::of).toList());
    }

    @GetMapping("/{id}")
    EndpointJson get(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        return find(caller, id).map(EndpointJson::of).orElseThrow(WebhookErrors::endpointNotFound);
    }

    @DeleteMapping("/{id}")
    Map<String, Object> delete(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        if (!WebhookIds.isEndpointId(id) || !Boolean.TRUE.equals(commands.sendAndWait(
                new DeleteWebhookEndpointCommand(id, caller.accountId(), caller.livemode())))) {
            throw WebhookErrors.endpointNotFound();
        }
        return Map.of("id", id, "object", "webhook_endpoint", "deleted", true);
    }

    @PostMapping("/{id}/rotate_secret")
    EndpointJson rotateSecret(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        if (!WebhookIds.isEndpointId(id)) {
            throw WebhookErrors.endpointNotFound();
        }
        WebhookEndpointView rotated = commands.sendAndWait(new RotateWebhookSecretCommand(id, caller.accountId(),
                caller.livemode()));
        if (rotated == null) {
            throw WebhookErrors.endpointNotFound();
        }
        return EndpointJson.of(rotated);
    }

    private Optional<WebhookEndpointView> find(Caller caller, String id) {
        if (!WebhookIds.isEndpointId(id)) {
            return Optional.empty();
        }
        return queries.query(new FindWebhookEndpointQuery(id, caller.accountId(), caller.livemode()),
                ResponseTypes.optionalInstanceOf(WebhookEndpointView.class)).join();
    }
}
