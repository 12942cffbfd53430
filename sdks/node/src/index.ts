export { Narvark, DEFAULT_BASE_URL, VERSION } from "./client.js";
export { FAILURE_REASONS, isRetryableFailure } from "./failures.js";
export type { NarvarkOptions } from "./client.js";
export * from "./errors.js";
export { verifyWebhook, constructEvent, DEFAULT_TOLERANCE_SECONDS } from "./webhooks.js";
export type { VerifyOptions, WebhookEvent, WebhookHeaders } from "./webhooks.js";
export type * from "./types.js";
