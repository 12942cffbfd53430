package com.narvark.otp.api.webhook;

/** Issues a new secret; the old one keeps signing for 24 hours. Answers the view with the new secret, or null. */
public record RotateWebhookSecretCommand(String endpointId, String accountId, boolean livemode) {
}
