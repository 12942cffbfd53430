package com.narvark.otp.webhooks;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.narvark.otp.api.change.ChangeAwareCache;
import com.narvark.otp.api.change.ChangeFeed;
import com.narvark.otp.api.webhook.WebhookEventType;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which enabled endpoints of an account and environment take which event types, without a query per event: one
 * load per account, environment and {@code narvark.webhooks.endpoint-cache.ttl}, the answer "none" included (most
 * accounts have no endpoint). The {@code webhook_endpoints} triggers announce every creation, deletion, disabling
 * and change of the events on {@value #CHANNEL} with the account id, and each node drops that account's entries;
 * while this node's change feed is not up to date, every event reads the table as before. The outbox insert checks
 * the endpoint again, so one deleted or disabled in the instant before its notice gets no delivery row.
 */
@Component
class EndpointSubscriptions {

    static final String CHANNEL = "narvark_webhook_endpoints";

    private final EndpointRepository endpoints;
    private final ChangeAwareCache<AccountEnvironment, List<Subscription>> cache;

    EndpointSubscriptions(EndpointRepository endpoints, ChangeFeed feed,
                          @Value("${narvark.webhooks.endpoint-cache.ttl:60s}") Duration ttl,
                          @Value("${narvark.webhooks.endpoint-cache.max-size:10000}") long maxSize) {
        this.endpoints = endpoints;
        this.cache = new ChangeAwareCache<>(feed, CHANNEL,
                Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxSize)
                        .<AccountEnvironment, List<Subscription>>build().asMap(),
                (accountId, owner, subscriptions) -> owner.accountId().equals(accountId));
    }

    /** The endpoints the event goes to, oldest first; empty when none takes it. */
    List<String> of(OtpFacts otp, WebhookEventType type) {
        AccountEnvironment owner = new AccountEnvironment(otp.accountId(), otp.livemode());
        return cache.get(owner, key -> endpoints.enabledSubscriptions(key.accountId(), key.livemode())).stream()
                .filter(subscription -> subscription.takes(type)).map(Subscription::endpointId).toList();
    }

    /** This node changed the account's endpoints: its entries go as the change commits, before the notice. */
    void changedHere(String accountId) {
        cache.changedHere(accountId);
    }

    record AccountEnvironment(String accountId, boolean livemode) {
    }

    /** {@code events} empty: every type. */
    record Subscription(String endpointId, Set<String> events) {

        boolean takes(WebhookEventType type) {
            return events.isEmpty() || events.contains(type.wireName());
        }
    }
}
