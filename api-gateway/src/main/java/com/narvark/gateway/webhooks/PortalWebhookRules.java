package com.narvark.gateway.webhooks;

import com.narvark.gateway.error.ApiException;
import com.narvark.portal.WebhookEndpointRules;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The console's webhook endpoints follow the API's rules, in the API's words: the same parser and translation. */
@Component
class PortalWebhookRules implements WebhookEndpointRules {

    @Override
    public Optional<String> urlRefusal(String url) {
        try {
            EndpointRequestParser.parse(Map.of("url", url));
            return Optional.empty();
        } catch (ApiException refused) {
            return Optional.of(refused.getMessage());
        }
    }

    @Override
    public Optional<String> refusal(RuntimeException failure) {
        return WebhookErrors.translate(failure) instanceof ApiException refused
                ? Optional.of(refused.getMessage()) : Optional.empty();
    }
}
