package com.narvark.otp.webhooks;

import com.narvark.otp.api.RandomIds;
import com.narvark.otp.api.crypto.SecretCipher;
import com.narvark.otp.api.webhook.CreateWebhookEndpointCommand;
import com.narvark.otp.api.webhook.DeleteWebhookEndpointCommand;
import com.narvark.otp.api.webhook.FindWebhookEndpointQuery;
import com.narvark.otp.api.webhook.FindWebhookEndpointsQuery;
import com.narvark.otp.api.webhook.RotateWebhookSecretCommand;
import com.narvark.otp.api.webhook.WebhookEndpointView;
import com.narvark.otp.api.webhook.WebhookErrorCode;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * The endpoint registry. It is plain state, not event-sourced: nothing downstream reacts to an endpoint change but
 * the endpoint cache of the outbox ({@link EndpointSubscriptions}), which the table's triggers keep current on every
 * node. The URL passes the SSRF guard here and again before every delivery.
 */
@Component
class EndpointCommandHandler {

    static final int MAX_ENDPOINTS = 16;
    static final Duration ROTATION_OVERLAP = Duration.ofHours(24);
    private static final int SECRET_BYTES = 24;

    private final EndpointRepository endpoints;
    private final EndpointSubscriptions subscriptions;
    private final NetworkGuard guard;
    private final SecretCipher cipher;
    private final SecureRandom random;
    private final Clock clock;

    EndpointCommandHandler(EndpointRepository endpoints, EndpointSubscriptions subscriptions, NetworkGuard guard,
                           SecretCipher cipher, SecureRandom random, Clock clock) {
        this.endpoints = endpoints;
        this.subscriptions = subscriptions;
        this.guard = guard;
        this.cipher = cipher;
        this.random = random;
        this.clock = clock;
    }

    @CommandHandler
    WebhookEndpointView handle(CreateWebhookEndpointCommand command) {
        try {
            guard.resolve(URI.create(command.url()));
        } catch (RefusedAddressException | IllegalArgumentException e) {
            throw new CommandExecutionException("webhook URL refused", null, WebhookErrorCode.URL_REFUSED);
        }
        if (endpoints.count(command.accountId(), command.livemode()) >= MAX_ENDPOINTS) {
            throw new CommandExecutionException("too many endpoints", null, WebhookErrorCode.TOO_MANY_ENDPOINTS);
        }
        String endpointId = "we_" + RandomIds.base32(random, 26);
        String secret = newSecret();
        endpoints.insert(endpointId, command.accountId(), command.livemode(), command.url(), command.events(),
                cipher.encrypt(secret, endpointId), clock.instant());
        subscriptions.changedHere(command.accountId());
        return withSecret(endpoints.find(endpointId, command.accountId(), command.livemode()).orElseThrow(), secret);
    }

    @CommandHandler
    Boolean handle(DeleteWebhookEndpointCommand command) {
        boolean deleted = endpoints.delete(command.endpointId(), command.accountId(), command.livemode());
        if (deleted) {
            subscriptions.changedHere(command.accountId());
        }
        return deleted;
    }

    /** Answers null for an endpoint the caller does not have. */
    @CommandHandler
    WebhookEndpointView handle(RotateWebhookSecretCommand command) {
        String secret = newSecret();
        Instant previousUntil = clock.instant().plus(ROTATION_OVERLAP);
        if (!endpoints.rotate(command.endpointId(), command.accountId(), command.livemode(),
                cipher.encrypt(secret, command.endpointId()), previousUntil)) {
            return null;
        }
        return withSecret(endpoints.find(command.endpointId(), command.accountId(), command.livemode())
                .orElseThrow(), secret);
    }

    @QueryHandler
    List<WebhookEndpointView> handle(FindWebhookEndpointsQuery query) {
        return endpoints.list(query.accountId(), query.livemode());
    }

    @QueryHandler
    Optional<WebhookEndpointView> handle(FindWebhookEndpointQuery query) {
        return endpoints.find(query.endpointId(), query.accountId(), query.livemode());
    }

    private String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return WebhookSigner.SECRET_PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    private static WebhookEndpointView withSecret(WebhookEndpointView v, String secret) {
        return new WebhookEndpointView(v.endpointId(), v.livemode(), v.url(), v.events(), v.enabled(),
                v.disabledReason(), v.createdAt(), secret, v.previousSecretExpiresAt());
    }
}
