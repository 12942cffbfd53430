import { randomUUID } from "node:crypto";
import { APIConnectionError, NarvarkError, errorClass } from "./errors.js";
import type {
    ListDeliveriesParams, ListParams, Otp, RequestOptions, SendParams, Verification, VerifyParams,
    WebhookDelivery, WebhookEndpoint,
} from "./types.js";

export const DEFAULT_BASE_URL = "http://localhost:8080";
export const VERSION = "0.1.0";
/** A Retry-After longer than this (seconds) is not waited for: the error is thrown instead. */
const MAX_RETRY_AFTER = 60;
/** 429s that are the API's answer to this request, not load: waiting would only delay the user's error. */
const NOT_RETRIED = ["resend_too_soon", "destination_rate_limited"];

export interface NarvarkOptions {
    apiKey: string;
    baseUrl?: string;
    /** Milliseconds per attempt; default 30000. */
    timeout?: number;
    /** Retries after the first attempt; default 2. */
    maxRetries?: number;
    /** Replaces the wait between retries (tests). */
    sleep?: (ms: number) => Promise<void>;
}

type Query = [string, string][];

interface Call {
    method: "GET" | "POST" | "DELETE";
    path: string;
    body?: unknown;
    query?: Query;
    idempotencyKey?: string;
    /** Whether retrying after an unknown outcome (5xx, lost connection) cannot do the work twice. */
    safe: boolean;
}

export class Narvark {
    readonly baseUrl: string;
    readonly timeout: number;
    readonly maxRetries: number;
    readonly #apiKey: string;
    readonly #sleep: (ms: number) => Promise<void>;

    constructor(options: NarvarkOptions) {
        if (!options?.apiKey) {
            throw new TypeError("an API key is required");
        }
        this.#apiKey = options.apiKey;
        this.baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, "");
        this.timeout = options.timeout ?? 30_000;
        this.maxRetries = options.maxRetries ?? 2;
        if (this.maxRetries < 0) {
            throw new RangeError("maxRetries must not be negative");
        }
        this.#sleep = options.sleep ?? (ms => new Promise(resolve => setTimeout(resolve, ms)));
    }

    /** Sends an OTP. Retries reuse one Idempotency-Key, so a retry never creates a second OTP. */
    send(params: SendParams, options: RequestOptions = {}): Promise<Otp> {
        return this.#request({ method: "POST", path: "/v1/otp/send", body: params,
            idempotencyKey: options.idempotencyKey ?? randomUUID(), safe: true });
    }

    /**
     * Checks a code as the user typed it ("492 817" is fine). Read `valid`. Not retried after a lost answer. An OTP
     * sent for a transaction needs the same `transaction`, or `reason` is "transaction_mismatch".
     */
    verify(id: string, code: string, params: VerifyParams = {}): Promise<Verification> {
        const body = params.transaction === undefined ? { id, code } : { id, code, transaction: params.transaction };
        return this.#request({ method: "POST", path: "/v1/otp/verify", body, safe: false });
    }

    get(id: string): Promise<Otp> {
        return this.#request({ method: "GET", path: `/v1/otp/${segment(id)}`, safe: true });
    }

    /** Every matching OTP, newest first, fetching the next page as you iterate (`for await`). */
    list(params: ListParams = {}): AsyncIterableIterator<Otp> {
        const { metadata, starting_after, ...rest } = params;
        const query = entries(rest);
        for (const [k, v] of Object.entries(metadata ?? {})) {
            query.push([`metadata[${k}]`, v]);
        }
        return this.#pages<Otp>("/v1/otp", query, starting_after);
    }

    /** Sends the OTP again; `code: "new"` issues a new code (default "same"). */
    resend(id: string, params: { code?: "same" | "new" } = {}, options: RequestOptions = {}): Promise<Otp> {
        return this.#request({ method: "POST", path: `/v1/otp/${segment(id)}/resend`, body: params,
            idempotencyKey: options.idempotencyKey ?? randomUUID(), safe: true });
    }

    cancel(id: string, options: RequestOptions = {}): Promise<Otp> {
        return this.#request({ method: "POST", path: `/v1/otp/${segment(id)}/cancel`, body: {},
            idempotencyKey: options.idempotencyKey ?? randomUUID(), safe: true });
    }

    /** Registers an endpoint. The answer's `secret` (whsec_…) is shown only here and on rotation. */
    createWebhookEndpoint(params: { url: string; events?: string[] }, options: RequestOptions = {}):
        Promise<WebhookEndpoint> {
        return this.#request({ method: "POST", path: "/v1/webhook_endpoints", body: params,
            idempotencyKey: options.idempotencyKey ?? randomUUID(), safe: true });
    }

    async listWebhookEndpoints(): Promise<WebhookEndpoint[]> {
        const page = await this.#request<{ data: WebhookEndpoint[] }>({ method: "GET", path: "/v1/webhook_endpoints",
            safe: true });
        return page.data;
    }

    getWebhookEndpoint(id: string): Promise<WebhookEndpoint> {
        return this.#request({ method: "GET", path: `/v1/webhook_endpoints/${segment(id)}`, safe: true });
    }

    deleteWebhookEndpoint(id: string): Promise<{ id: string; object: string; deleted: boolean }> {
        return this.#request({ method: "DELETE", path: `/v1/webhook_endpoints/${segment(id)}`, safe: true });
    }

    /** A new secret; the previous one keeps signing for 24 hours. Not retried: a retry would rotate twice. */
    rotateWebhookSecret(id: string): Promise<WebhookEndpoint> {
        return this.#request({ method: "POST", path: `/v1/webhook_endpoints/${segment(id)}/rotate_secret`,
            safe: false });
    }

    listWebhookDeliveries(params: ListDeliveriesParams = {}): AsyncIterableIterator<WebhookDelivery> {
        const { starting_after, ...rest } = params;
        return this.#pages<WebhookDelivery>("/v1/webhook_deliveries", entries(rest), starting_after);
    }

    redeliverWebhook(id: string): Promise<WebhookDelivery> {
        return this.#request({ method: "POST", path: `/v1/webhook_deliveries/${segment(id)}/redeliver`,
            safe: true });
    }

    async *#pages<T extends { id: string }>(path: string, query: Query, startingAfter?: string):
        AsyncIterableIterator<T> {
        let cursor = startingAfter;
        for (;;) {
            const page = await this.#request<{ data: T[]; has_more?: boolean }>({ method: "GET", path,
                query: cursor ? [...query, ["starting_after", cursor]] : query, safe: true });
            yield* page.data;
            if (!page.has_more || page.data.length === 0) {
                return;
            }
            cursor = page.data[page.data.length - 1].id;
        }
    }

    async #request<T>(call: Call): Promise<T> {
        const search = call.query?.length ? "?" + new URLSearchParams(call.query).toString() : "";
        const url = this.baseUrl + call.path + search;
        const headers: Record<string, string> = {
            Authorization: `Bearer ${this.#apiKey}`, Accept: "application/json",
            "User-Agent": `narvark-node/${VERSION}`,
        };
        const body = call.body === undefined ? undefined : JSON.stringify(call.body);
        if (body !== undefined) {
            headers["Content-Type"] = "application/json";
        }
        if (call.idempotencyKey !== undefined) {
            headers["Idempotency-Key"] = call.idempotencyKey;
        }
        for (let attempt = 0; ; attempt++) {
            let response: Response;
            let text: string;
            try {
                // The API never redirects: a 3xx is an error, and the key is never sent on to another host.
                response = await fetch(url, { method: call.method, headers, body, redirect: "manual",
                    signal: AbortSignal.timeout(this.timeout) });
                text = await response.text();
            } catch (e) {
                if (!call.safe || attempt >= this.maxRetries) {
                    throw new APIConnectionError(this.#redact(
                        `could not reach Narvark at ${this.baseUrl}: ${describe(e)}`));
                }
                await this.#sleep(backoff(attempt));
                continue;
            }
            if (response.ok) {
                return (text ? JSON.parse(text) : {}) as T;
            }
            const error = this.#apiError(response, text);
            const wait = this.#retryWait(attempt, error, call.safe);
            if (wait === null) {
                throw error;
            }
            await this.#sleep(wait);
        }
    }

    #retryWait(attempt: number, error: NarvarkError, safe: boolean): number | null {
        if (attempt >= this.maxRetries) {
            return null;
        }
        const status = error.status ?? 0;
        const load = status === 429 && !NOT_RETRIED.includes(error.code ?? "");
        if (load || (error.code === "idempotency_in_flight" && safe)) {
            if (error.retryAfter !== null) {
                return error.retryAfter <= MAX_RETRY_AFTER ? error.retryAfter * 1000 : null;
            }
            return backoff(attempt);
        }
        return status >= 500 && safe ? backoff(attempt) : null;
    }

    #apiError(response: Response, text: string): NarvarkError {
        let payload: { code?: string; message?: string; param?: string } = {};
        try {
            const parsed = JSON.parse(text);
            if (parsed && typeof parsed.error === "object" && parsed.error) {
                payload = parsed.error;
            }
        } catch {
            // Not JSON (a proxy's page): the status says enough.
        }
        const Class = errorClass(response.status);
        return new Class(this.#redact(String(payload.message ?? `HTTP ${response.status}`)), {
            code: payload.code, param: payload.param, status: response.status,
            requestId: response.headers.get("request-id") ?? response.headers.get("x-request-id"),
            retryAfter: retryAfter(response.headers.get("retry-after")),
        });
    }

    /** The key must never appear in an error message or a log line, even if some layer echoed it. */
    #redact(text: string): string {
        return text.split(this.#apiKey).join("[redacted]");
    }

    toJSON(): object {
        return { baseUrl: this.baseUrl, timeout: this.timeout, maxRetries: this.maxRetries };
    }
}

function segment(id: string): string {
    if (typeof id !== "string" || id === "") {
        throw new TypeError("an id is required");
    }
    return encodeURIComponent(id);
}

function entries(params: object): Query {
    return Object.entries(params).filter(([, v]) => v !== undefined && v !== null).map(([k, v]) => [k, String(v)]);
}

/** Exponential from 500 ms, capped at 8 s, with jitter so many clients do not retry in step. */
function backoff(attempt: number): number {
    const ceiling = Math.min(8000, 500 * 2 ** attempt);
    return ceiling / 2 + Math.random() * (ceiling / 2);
}

function retryAfter(value: string | null): number | null {
    if (!value) {
        return null;
    }
    if (/^\s*\d+\s*$/.test(value)) {
        return Number(value);
    }
    const date = Date.parse(value);
    return Number.isNaN(date) ? null : Math.max(0, (date - Date.now()) / 1000);
}

function describe(e: unknown): string {
    if (e instanceof Error) {
        const cause = (e as { cause?: unknown }).cause;
        return cause instanceof Error ? `${e.message} (${cause.message})` : e.message;
    }
    return String(e);
}
