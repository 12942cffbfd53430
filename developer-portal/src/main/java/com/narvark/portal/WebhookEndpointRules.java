package com.narvark.portal;

import java.util.Optional;

/**
 * The public API's rules for webhook endpoints, which the gateway owns and implements: the console refuses a URL
 * with the same checks and in the same words as {@code POST /v1/webhook_endpoints}.
 */
public interface WebhookEndpointRules {

    /** The API's message refusing this URL's shape, or empty when the URL may be registered. */
    Optional<String> urlRefusal(String url);

    /** The API's message when {@code failure} is a refusal of the webhooks module; empty when it is anything else. */
    Optional<String> refusal(RuntimeException failure);
}
