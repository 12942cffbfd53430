import type { FailureReason } from "./types.js";

/** Every failure reason the API documents, in the README's order. */
export const FAILURE_REASONS: readonly FailureReason[] = Object.freeze([
    "invalid_destination", "unreachable", "blocked", "country_not_supported", "content_rejected", "rate_limited",
    "carrier_timeout", "carrier_unavailable", "carrier_error",
]);

/** Reasons where the same destination may well work a little later; the others need the user or another channel. */
const RETRYABLE: ReadonlySet<string> = new Set(["rate_limited", "carrier_timeout", "carrier_unavailable"]);

/**
 * True when a resend to the same destination is worth trying later. Unknown (newer) reasons count as
 * "carrier_error": not retryable.
 */
export function isRetryableFailure(reason: string | null | undefined): boolean {
    return reason != null && RETRYABLE.has(reason);
}
