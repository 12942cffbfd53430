package com.narvark.otp.api.webhook;

/** Removes an endpoint with its pending deliveries; answers whether the caller owned such an endpoint. */
public record DeleteWebhookEndpointCommand(String endpointId, String accountId, boolean livemode) {
}
