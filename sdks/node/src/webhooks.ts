import { createHmac, timingSafeEqual } from "node:crypto";
import { WebhookVerificationError } from "./errors.js";

/** How far `webhook-timestamp` may be from now, in seconds; older (or later) messages may be replays. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** A Fetch `Headers`, or Node's `req.headers` (lower-case names), or any name → value record. */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

export interface VerifyOptions {
    /** Seconds; default 300. */
    tolerance?: number;
    /** Unix seconds to check the timestamp against; default the clock. */
    now?: number;
}

const PREFIX = "whsec_";

function key(secret: string): Buffer {
    if (typeof secret !== "string" || !secret.startsWith(PREFIX)) {
        throw new TypeError("a webhook secret starts with whsec_");
    }
    const encoded = secret.slice(PREFIX.length);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded) || encoded.length % 4 !== 0) {
        throw new TypeError("a webhook secret is whsec_ followed by base64");
    }
    return Buffer.from(encoded, "base64");
}

function header(headers: WebhookHeaders, name: string): string | undefined {
    if (typeof (headers as Headers).get === "function") {
        return (headers as Headers).get(name) ?? undefined;
    }
    for (const [k, v] of Object.entries(headers)) {
        if (k.toLowerCase() === name) {
            return Array.isArray(v) ? v[0] : v;
        }
    }
    return undefined;
}

function anyMatches(expected: Buffer, candidates: string[]): boolean {
    let matched = false;
    for (const candidate of candidates) {
        const given = Buffer.from(candidate.trim(), "utf8");
        // Constant time for equal lengths (the length of a signature is public); every candidate is compared.
        const same = given.length === expected.length && timingSafeEqual(given, expected);
        matched = same || matched;
    }
    return matched;
}

/**
 * Throws WebhookVerificationError unless the raw body is signed by the secret (or one of several, while you
 * rotate) within the tolerance. `X-Narvark-Signature`, when present, must match too. Pass the body exactly as
 * received (a Buffer or Uint8Array), before any JSON parsing.
 */
export function verifyWebhook(rawBody: Uint8Array | string, headers: WebhookHeaders, secret: string | string[],
                              options: VerifyOptions = {}): void {
    const body = typeof rawBody === "string" ? Buffer.from(rawBody, "utf8") : Buffer.from(rawBody);
    const keys = (Array.isArray(secret) ? secret : [secret]).map(key);
    if (keys.length === 0) {
        throw new TypeError("at least one webhook secret is needed");
    }
    const id = header(headers, "webhook-id");
    const timestamp = header(headers, "webhook-timestamp");
    const signature = header(headers, "webhook-signature");
    if (!id || !timestamp || !signature) {
        throw new WebhookVerificationError("missing webhook-id, webhook-timestamp or webhook-signature header");
    }
    if (!/^[0-9]+$/.test(timestamp)) {
        throw new WebhookVerificationError("webhook-timestamp is not a Unix time in seconds");
    }
    const now = options.now ?? Math.floor(Date.now() / 1000);
    if (Math.abs(Math.floor(now) - Number(timestamp)) > (options.tolerance ?? DEFAULT_TOLERANCE_SECONDS)) {
        throw new WebhookVerificationError("webhook-timestamp is outside the tolerance");
    }
    const signed = Buffer.concat([Buffer.from(`${id}.${timestamp}.`, "utf8"), body]);
    const candidates = signature.split(" ");
    const standard = keys.map(k => anyMatches(
        Buffer.from("v1," + createHmac("sha256", k).update(signed).digest("base64"), "utf8"), candidates));
    if (!standard.includes(true)) {
        throw new WebhookVerificationError("no matching webhook-signature");
    }
    const narvark = header(headers, "x-narvark-signature");
    if (narvark !== undefined) {
        const parts = narvark.split(",");
        const matches = keys.map(k => anyMatches(
            Buffer.from(createHmac("sha256", k).update(body).digest("hex"), "utf8"), parts));
        if (!matches.includes(true)) {
            throw new WebhookVerificationError("no matching X-Narvark-Signature");
        }
    }
}

/** Verifies like verifyWebhook, then parses the event. Deduplicate on its `id`: delivery is at least once. */
export function constructEvent<T = WebhookEvent>(rawBody: Uint8Array | string, headers: WebhookHeaders,
                                                 secret: string | string[], options: VerifyOptions = {}): T {
    verifyWebhook(rawBody, headers, secret, options);
    return JSON.parse(typeof rawBody === "string" ? rawBody : Buffer.from(rawBody).toString("utf8")) as T;
}

export interface WebhookEvent {
    id: string;
    object: "event";
    api_version: string;
    type: string;
    created_at: string;
    livemode: boolean;
    data: {
        object: "otp"; otp_id: string; status: string; channel: string; to: string;
        metadata: Record<string, string>; attempt?: number; attempts_used?: number; reason?: string;
    };
}
