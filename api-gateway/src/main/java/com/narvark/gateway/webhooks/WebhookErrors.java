package com.narvark.gateway.webhooks;

import com.narvark.gateway.error.ApiException;
import com.narvark.otp.api.webhook.WebhookErrorCode;
import org.axonframework.commandhandling.CommandExecutionException;

/** Maps the webhooks module's refusals (codes carried by command exceptions) to API errors. */
public final class WebhookErrors {

    private WebhookErrors() {
    }

    public static RuntimeException translate(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CommandExecutionException execution
                    && execution.getDetails().orElse(null) instanceof WebhookErrorCode code) {
                return switch (code) {
                    case URL_REFUSED -> ApiException.invalid("url", "url must be http(s) and resolve only to "
                            + "public addresses (loopback, private, link-local, multicast and metadata addresses "
                            + "are refused)");
                    case TOO_MANY_ENDPOINTS -> ApiException.invalid(null,
                            "this account has the maximum number of webhook endpoints in this environment");
                    case ENDPOINT_DISABLED -> ApiException.invalid(null,
                            "the delivery's endpoint is disabled; register the endpoint again to receive events");
                };
            }
        }
        return failure;
    }

    static ApiException endpointNotFound() {
        return ApiException.notFound("no such webhook endpoint");
    }

    static ApiException deliveryNotFound() {
        return ApiException.notFound("no such webhook delivery");
    }
}
