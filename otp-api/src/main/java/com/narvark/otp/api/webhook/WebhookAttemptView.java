package com.narvark.otp.api.webhook;

import java.time.Instant;

/** One POST: the HTTP status when an answer came (null otherwise), its latency, and why it failed if it did. */
public record WebhookAttemptView(Instant attemptedAt, Integer httpStatus, long latencyMs, String error) {
}
